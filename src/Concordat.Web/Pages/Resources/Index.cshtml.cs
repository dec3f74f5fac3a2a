using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Resources;

public sealed class ResourcesModel(ResourceService resources, OrganisationService organisations) : SystemPageModel
{
    [BindProperty(SupportsGet = true)]
    public ResourceKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PlaceId { get; set; }

    public IReadOnlyList<ResourceRow> Rows { get; private set; } = [];
    public IEnumerable<SelectListItem> KindOptions => [new SelectListItem("All kinds", "", Kind is null), .. ResourceForm.KindOptions(Kind)];
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PlaceOptions { get; private set; } = [];
    public bool CanRegister => Actor.Memberships.Any(m => m.Role is Role.OrganisationLead or Role.Contributor) || Actor.Delegations.Any(d => d.Capability == Concordat.Core.Partnerships.DelegatedCapability.Resources);
    public string FilterQuery => QueryString.Create([.. new[] { ("kind", Kind?.ToString()), ("organisationId", OrganisationId?.ToString()), ("placeId", PlaceId?.ToString()) }
        .Where(p => p.Item2 is not null).Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))]).Value ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await resources.ListAsync(new ResourceFilter(Kind, OrganisationId, PlaceId), ct);
        OrganisationOptions = [.. ResourceForm.OrganisationOptions(await organisations.ListAsync(ct), OrganisationId, "All organisations")];
        PlaceOptions = [.. ResourceForm.PlaceOptions(await organisations.PlacesAsync(ct), PlaceId, "All places")];
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await resources.ListAsync(new ResourceFilter(Kind, OrganisationId, PlaceId), ct);
        return CsvDownload.File("resource-register.csv",
            ["kind", "type", "name", "organisation", "place", "quantity", "unit", "available", "committed", "idle", "contact", "address", "postcode", "opening_hours",
                "data_owner", "data_sharing_agreement", "funding_source", "financial_year", "recurrent", "notes"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Resource.Kind, r.Resource.Type.InWords(), r.Resource.Name, r.Organisation, r.Place, r.Resource.Quantity, r.Resource.Unit,
                r.Resource.AvailableCapacity, r.Committed, r.Idle, r.Resource.Contact, r.Resource.Address, r.Resource.Postcode, r.Resource.OpeningHours,
                r.Resource.DataOwner, r.Resource.HasDataSharingAgreement, r.Resource.FundingSource, r.Resource.FinancialYear, r.Resource.IsRecurrent, r.Resource.Notes]));
    }
}
