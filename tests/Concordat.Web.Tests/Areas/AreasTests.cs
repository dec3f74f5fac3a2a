using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Concordat.Core.Areas;
using Concordat.Core.Measures.Import;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Areas;

/// <summary>
/// ONS areas loaded from the Open Geography Portal's layouts, and shown by name wherever a code was. Areas are shared
/// by every system, so each test makes up codes of its own (in ranges no real area uses) rather than sharing real ones.
/// </summary>
public abstract class AreasTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    /// <summary>Six digits no other test uses: each made-up code is an entity prefix and these.</summary>
    private static string Unique() => Random.Shared.Next(900000, 999999).ToString(CultureInfo.InvariantCulture);

    private async Task<AreaImport.Result> ImportAsync(string csv)
    {
        await using var scope = App.Database();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await scope.Get<AreaImport>().ImportAsync(stream, "areas.csv", Ct);
    }

    [Fact]
    public async Task Import_AnOnsLookup_AddsEachAreaOnce_WithItsKindAndParent_AndLeavesOutOtherGeographies()
    {
        var (a, b) = (Unique(), Unique());
        var csv = $"""
            LSOA21CD,LSOA21NM,SICBL23CD,SICBL23NM,ICB23CD,ICB23NM,LAD23CD,LAD23NM,ObjectId
            E01{a},Westford 001A,E38{a},NHS Westmere ICB - 99A,E54{a},NHS Westmere Integrated Care Board,E07{a},Westford,1
            E01{b},Westford 001B,E38{a},NHS Westmere ICB - 99A,E54{a},NHS Westmere Integrated Care Board,E07{a},Westford,2
            E01{a[..5]}9,Mere 001A,E38{b},NHS Westmere ICB - 99B,E54{a},NHS Westmere Integrated Care Board,E06{b},Mere,3
            """;

        var result = await ImportAsync(csv);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal((5, 0, 0), (result.Added, result.Changed, result.Unchanged));
        Assert.Equal(["LSOA21CD", "LSOA21NM"], result.IgnoredColumns);
        await using var scope = App.Database();
        var areas = await scope.Db.Areas.Where(x => x.Code.EndsWith(a) || x.Code.EndsWith(b)).ToDictionaryAsync(x => x.Code, Ct);
        Assert.Equal(5, areas.Count);
        Assert.Equal(("NHS Westmere ICB - 99A", AreaType.SubIcbLocation, $"E54{a}"), (areas[$"E38{a}"].Name, areas[$"E38{a}"].Type, areas[$"E38{a}"].ParentCode));
        Assert.Equal((AreaType.IntegratedCareBoard, null), (areas[$"E54{a}"].Type, areas[$"E54{a}"].ParentCode));
        Assert.Equal(AreaType.District, areas[$"E07{a}"].Type);
        Assert.Equal(AreaType.UnitaryAuthority, areas[$"E06{b}"].Type);
        Assert.DoesNotContain($"E01{a}", areas.Keys);
    }

    [Fact]
    public async Task Import_BadRows_AreEachNamedByRowAndColumn_AndNothingIsWritten()
    {
        var (a, b) = (Unique(), Unique());
        var csv = $"""
            CTYUA24CD,CTYUA24NM,RGN24CD,RGN24NM
            E10{a},Westshire,E12{a},West Country
            E1000{a[..3]},Short Code,E12{a},West Country
            E10{b},,E12{a},West Country
            E10{a},Westshire County,E12{a},West Country
            E14{b},Westford and Mere,E12{a},West Country
            """;

        var result = await ImportAsync(csv);

        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            $"Row 3, CTYUA24CD: E1000{a[..3]} is not an ONS code: E, W, S or N followed by 8 numbers, like E10000003",
            $"Row 4, CTYUA24NM: E10{b} has no name",
            $"Row 5, CTYUA24NM: E10{a} is called Westshire County here but Westshire on row 2",
            $"Row 6, CTYUA24CD: E14{b} is not a kind of area Concordat keeps: its code must start {AreaTypes.KnownPrefixes}",
        ], result.Problems.Select(p => p.ToString()));
        await using var scope = App.Database();
        Assert.False(await scope.Db.Areas.AnyAsync(x => x.Code == $"E10{a}" || x.Code == $"E12{a}", Ct));
    }

    [Fact]
    public async Task Import_AFileWithoutCodeAndNameColumns_IsRefusedWhole()
    {
        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync("code,name\nE10000003,Cambridgeshire\n"));

        Assert.StartsWith("The file has no code and name columns", error.Message);
    }

    [Fact]
    public async Task Import_TheSameFileAgain_ChangesNothing_AndARenameChangesOnlyThatArea()
    {
        var (a, b) = (Unique(), Unique());
        var csv = $"""
            AREACD,AREANM,PARENTCD
            E12{a},West Country,
            E10{a},Westshire,E12{a}
            E07{b},Westford,E10{a}
            """;

        var first = await ImportAsync(csv);
        var again = await ImportAsync(csv);
        var renamed = await ImportAsync(csv.Replace("Westford,", "Westford and Mere,", StringComparison.Ordinal));

        Assert.Equal((3, 0, 0), (first.Added, first.Changed, first.Unchanged));
        Assert.Equal((0, 0, 3), (again.Added, again.Changed, again.Unchanged));
        Assert.Equal((0, 1, 2), (renamed.Added, renamed.Changed, renamed.Unchanged));
        await using var scope = App.Database();
        var district = await scope.Db.Areas.SingleAsync(x => x.Code == $"E07{b}", Ct);
        Assert.Equal(("Westford and Mere", $"E10{a}"), (district.Name, district.ParentCode));
    }

    [Fact]
    public async Task Pages_ShowAreasByName_AndUnknownCodesAsCodes()
    {
        var a = Unique();
        var import = await ImportAsync($"LAD24CD,LAD24NM\nE06{a},Westford and Mere\n");
        Assert.True(import.Succeeded);
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var place = await (await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/places",
            new { name = "Mere", localAuthorityCode = $"E06{a}", subIcbLocationCode = $"E38{a}" }, Ct)).JsonAsync();
        var council = await (await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations",
            new { name = "Westford and Mere Council", type = "LocalAuthority", onsCode = $"E06{a}" }, Ct)).JsonAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var measure = await (await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Smoking at time of delivery", definition = "Mothers smoking at delivery / all deliveries", unit = "%", frequency = "Quarterly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId, geography = "Area", areaCode = $"E06{a}",
        }, Ct)).JsonAsync();
        var unknown = await (await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Smoking in pregnancy, unknown area", definition = "x", unit = "%", frequency = "Quarterly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId, geography = "Area", areaCode = $"E10{a}",
        }, Ct)).JsonAsync();
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var places = await viewer.GetAsync($"/systems/{system.Id}/places");
        var placePage = await viewer.GetAsync($"/systems/{system.Id}/places/{place["id"]}");
        var organisations = await viewer.GetAsync($"/systems/{system.Id}/organisations");
        var councilPage = await viewer.GetAsync($"/systems/{system.Id}/organisations/{council["id"]}");
        var measurePage = await viewer.GetAsync($"/systems/{system.Id}/measures/{measure["id"]}");
        var unknownPage = await viewer.GetAsync($"/systems/{system.Id}/measures/{unknown["id"]}");
        var placeApi = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/places/{place["id"]}", Ct)).JsonAsync();

        var named = $"Westford and Mere (E06{a})";
        Assert.Contains(named, places.Text("tbody"));
        Assert.Contains($"E38{a}", places.Text("tbody"));
        Assert.Equal(named, placePage.Text(".nhsuk-summary-list__row:nth-child(1) .nhsuk-summary-list__value"));
        Assert.Equal($"E38{a}", placePage.Text(".nhsuk-summary-list__row:nth-child(2) .nhsuk-summary-list__value"));
        Assert.Contains($"Westford and Mere (ONS code E06{a})", organisations.Text("tbody"));
        Assert.Contains($"Westford and Mere (ONS code E06{a})", councilPage.Text("main"));
        Assert.Contains(named, measurePage.Text("main"));
        Assert.Contains($"Area E10{a}", unknownPage.Text("main"));
        Assert.Equal("Westford and Mere", placeApi["localAuthorityName"]!.GetValue<string>());
        Assert.Null(placeApi["subIcbLocationName"]);
        Assert.Equal($"Westford and Mere (ONS code E06{a})", council["identifiers"]![0]!.GetValue<string>());
        Assert.Equal(named, measure["geographyName"]!.GetValue<string>());
    }
}

public sealed class AreasSqliteTests(SqliteApp app) : AreasTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AreasPostgresTests(PostgresApp app) : AreasTests(app, DatabaseKind.Postgres);
