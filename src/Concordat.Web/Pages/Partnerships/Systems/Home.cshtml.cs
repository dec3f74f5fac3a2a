using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Pages.Partnerships.Systems;

public sealed class SystemHomeModel(ConcordatDb db, HistoryService history) : SystemPageModel
{
    public int OrganisationCount { get; private set; }
    public int PlaceCount { get; private set; }
    public int PeopleCount { get; private set; }
    public IReadOnlyList<HistoryEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganisationCount = await db.Organisations.CountAsync(ct);
        PlaceCount = await db.Places.CountAsync(ct);
        PeopleCount = await db.Memberships.Select(m => m.PersonId).Distinct().CountAsync(ct);
        Recent = (await history.FeedAsync(null, null, 1, ct)).Entries.Take(5).ToList();
    }
}
