using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Organisations;

public sealed class OrganisationModel(OrganisationService organisations, PeopleService people, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public OrganisationDetail Organisation { get; private set; } = null!;
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organisation = await organisations.GetAsync(Id, ct);
        People = await people.ListAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}
