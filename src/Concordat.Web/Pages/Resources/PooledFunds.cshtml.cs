using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Resources;

public sealed class PooledFundsModel(PooledFundService funds, OrganisationService organisations) : SystemPageModel
{
    public sealed class FundForm
    {
        public string? Name { get; set; }
        public PooledFundType? Type { get; set; }
        public Guid? HostOrganisationId { get; set; }
        public string? PoolManager { get; set; }
        public string? FinancialYear { get; set; }
    }

    [BindProperty]
    public FundForm Input { get; set; } = new();

    public IReadOnlyList<PooledFundDetail> Funds { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];
    public bool CanCreate => Actor.Memberships.Any(m => m.Role == Role.OrganisationLead);

    public IEnumerable<SelectListItem> TypeOptions =>
    [
        new(PooledFundType.BetterCareFund.InWords(), nameof(PooledFundType.BetterCareFund), Input.Type == PooledFundType.BetterCareFund),
        new(PooledFundType.Section75.InWords(), nameof(PooledFundType.Section75), Input.Type == PooledFundType.Section75),
    ];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Every fund's payments in and schemes out, one line each, with the totals that reconcile them.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvDownload.File("pooled-funds.csv", ["fund", "type", "financial_year", "host", "line", "name", "amount_pounds", "goals"],
            (await funds.ListAsync(ct)).SelectMany(f => f.Contributions.Select(c => (IReadOnlyList<object?>)[f.Fund.Name, f.Fund.Type, f.Fund.FinancialYear, f.Host, "paid in", c.Organisation, Pence.InPounds(c.AmountInPence), null])
                .Concat(f.Schemes.Select(s => (IReadOnlyList<object?>)[f.Fund.Name, f.Fund.Type, f.Fund.FinancialYear, f.Host, "scheme", s.Name, Pence.InPounds(s.AmountInPence), string.Join("; ", s.Goals.Select(g => g.Title))]))
                .Append([f.Fund.Name, f.Fund.Type, f.Fund.FinancialYear, f.Host, "total paid in", null, Pence.InPounds(f.PaidInPence), null])
                .Append([f.Fund.Name, f.Fund.Type, f.Fund.FinancialYear, f.Host, "total allocated", null, Pence.InPounds(f.AllocatedInPence), null])
                .Append([f.Fund.Name, f.Fund.Type, f.Fund.FinancialYear, f.Host, "not yet allocated", null, Pence.InPounds(f.UnallocatedInPence), null])));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            var fund = await funds.CreateAsync(new SavePooledFund(Input.Name, Input.Type, Input.HostOrganisationId, Input.PoolManager, Input.FinancialYear), Actor, ct);
            this.Succeeded($"{fund.Name} set up");
            return Redirect($"{SystemHome}/resources/pooled-funds/{fund.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Funds = await funds.ListAsync(ct);
        Organisations = await organisations.ListAsync(ct);
    }
}
