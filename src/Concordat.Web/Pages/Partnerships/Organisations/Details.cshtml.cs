using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Partnerships.Organisations;

public sealed class OrganisationModel(OrganisationService organisations, PeopleService people, DelegationService delegations, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public OrganisationDetail Organisation { get; private set; } = null!;
    public IReadOnlyList<PersonInSystem> People { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public IReadOnlyList<DelegationRow> Delegations { get; private set; } = [];
    public IReadOnlyList<PersonInSystem> Everyone { get; private set; } = [];

    public sealed class DelegationForm
    {
        public DelegatedCapability? Capability { get; set; }
        public Guid? PersonId { get; set; }
        [Display(Name = "Last day")]
        public DateOnly? Until { get; set; }
    }

    [BindProperty]
    public DelegationForm Delegate { get; set; } = new();

    public bool IsLead => Actor.IsLeadOf(Id);

    public IEnumerable<SelectListItem> CapabilityOptions => Enum.GetValues<DelegatedCapability>()
        .Select(c => new SelectListItem(DelegationService.Describe(c), c.ToString(), c == Delegate.Capability));

    public IEnumerable<SelectListItem> PersonOptions => [new SelectListItem("Select a person", "", Delegate.PersonId is null), .. Everyone
        .Where(p => p.OrganisationId != Id).DistinctBy(p => p.PersonId).OrderBy(p => p.DisplayName, StringComparer.Ordinal)
        .Select(p => new SelectListItem($"{p.DisplayName}, {p.OrganisationName}", p.PersonId.ToString(), p.PersonId == Delegate.PersonId))];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetDelegationsCsvAsync(CancellationToken ct)
    {
        await organisations.GetAsync(Id, ct);
        return CsvDownload.File("delegations.csv", DelegationTable.For(await delegations.ListAsync(Id, ct)));
    }

    public async Task<IActionResult> OnPostDelegateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        try
        {
            await delegations.GrantAsync(Id, new GrantDelegation(Delegate.Capability, Delegate.PersonId, Delegate.Until), Actor, ct);
            this.Succeeded("Delegation recorded");
            return Redirect($"{SystemHome}/organisations/{Id}#delegations");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "Delegate");
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid delegationId, CancellationToken ct)
    {
        await delegations.RevokeAsync(Id, delegationId, Actor, ct);
        this.Succeeded("Delegation ended");
        return Redirect($"{SystemHome}/organisations/{Id}#delegations");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisation = await organisations.GetAsync(Id, ct);
        People = await people.ListAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
        Delegations = await delegations.ListAsync(Id, ct);
        Everyone = IsLead ? await people.ListAsync(null, ct) : [];
    }
}
