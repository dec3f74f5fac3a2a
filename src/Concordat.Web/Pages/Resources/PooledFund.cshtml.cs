using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Resources;

public sealed class PooledFundModel(PooledFundService funds, OrganisationService organisations, GoalService goals) : SystemPageModel
{
    public sealed class ContributionForm
    {
        public Guid? OrganisationId { get; set; }
        public string? Amount { get; set; }
    }

    public sealed class SchemeForm
    {
        public string? Name { get; set; }
        public string? Amount { get; set; }
        public List<Guid> GoalIds { get; set; } = [];
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ContributionForm Payment { get; set; } = new();

    [BindProperty]
    public SchemeForm Scheme { get; set; } = new();

    public PooledFundDetail Detail { get; private set; } = null!;
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public IReadOnlyList<GoalSummary> Goals { get; private set; } = [];
    /// <summary>The host's leads commit the fund's spending, and may propose what other partners pay in.</summary>
    public bool CanManage => Actor.IsLeadOf(Detail.Fund.HostOrganisationId);

    /// <summary>The organisations whose payment this person may set (their own) or propose (any, for the host's leads).</summary>
    public IReadOnlyList<OrganisationSummary> PaymentOrganisations => CanManage ? Organisations : [.. Organisations.Where(o => Actor.IsLeadOf(o.Id))];

    public IEnumerable<SelectListItem> GoalOptions => Goals.Select(g => new SelectListItem(g.Title, g.Id.ToString(), Scheme.GoalIds.Contains(g.Id)));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPaymentAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            var counts = await funds.SetContributionAsync(Id, new SetFundContribution(Payment.OrganisationId, Pounds(Payment.Amount, "Payment.Amount")), Actor, ct);
            this.Succeeded(counts ? "Payment saved" : "Payment proposed: it counts once the partner confirms it");
            return Redirect($"{SystemHome}/resources/pooled-funds/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "Payment");
        }
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid organisationId, CancellationToken ct)
    {
        await funds.ConfirmProposalAsync(Id, organisationId, Actor, ct);
        this.Succeeded("Payment confirmed");
        return Redirect($"{SystemHome}/resources/pooled-funds/{Id}");
    }

    public async Task<IActionResult> OnPostDeclineProposalAsync(Guid organisationId, CancellationToken ct)
    {
        await funds.DeclineProposalAsync(Id, organisationId, Actor, ct);
        this.Succeeded("Proposal declined");
        return Redirect($"{SystemHome}/resources/pooled-funds/{Id}");
    }

    public async Task<IActionResult> OnPostSchemeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            await funds.AddSchemeAsync(Id, new AddScheme(Scheme.Name, Pounds(Scheme.Amount, "Scheme.Amount"), Scheme.GoalIds), Actor, ct);
            this.Succeeded("Scheme added");
            return Redirect($"{SystemHome}/resources/pooled-funds/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "Scheme");
        }
    }

    public async Task<IActionResult> OnPostRemoveSchemeAsync(Guid schemeId, CancellationToken ct)
    {
        await funds.RemoveSchemeAsync(Id, schemeId, Actor, ct);
        this.Succeeded("Scheme removed");
        return Redirect($"{SystemHome}/resources/pooled-funds/{Id}");
    }

    /// <summary>Pounds as typed ("£1,250,000.50"); text that is not an amount is reported here and sent on as an impossible one.</summary>
    private long? Pounds(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Pence.TryParsePounds(text, out var pence))
        {
            return pence;
        }
        ModelState.AddModelError(field, "Enter the amount in pounds and pence, like 1250000 or £1,250,000.50");
        return -1;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await funds.GetAsync(Id, ct);
        Organisations = await organisations.ListAsync(ct);
        Goals = [.. (await goals.ListAsync(new GoalFilter(), ct)).Where(g => g.Status != GoalStatus.Retired)];
    }
}
