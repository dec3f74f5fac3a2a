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
    public bool CanManage => Actor.IsConvenor || Actor.IsLeadOf(Detail.Fund.HostOrganisationId);

    public IEnumerable<SelectListItem> GoalOptions => Goals.Select(g => new SelectListItem(g.Title, g.Id.ToString(), Scheme.GoalIds.Contains(g.Id)));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPaymentAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        try
        {
            await funds.SetContributionAsync(Id, new SetFundContribution(Payment.OrganisationId, Pounds(Payment.Amount, "Payment.Amount")), Actor, ct);
            this.Succeeded("Contribution saved");
            return Redirect($"{SystemHome}/resources/pooled-funds/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "Payment");
        }
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
