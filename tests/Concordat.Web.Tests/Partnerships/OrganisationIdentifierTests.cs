using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

/// <summary>The formats themselves, which need no database.</summary>
public sealed class RegisterFormatTests
{
    [Theory]
    [InlineData(Register.Ods, "RX1")]
    [InlineData(Register.Ods, "A81001")]
    [InlineData(Register.Ons, "E06000047")]
    [InlineData(Register.Ons, "E10000003")]
    [InlineData(Register.Ons, "E47000001")]
    [InlineData(Register.Ons, "W06000015")]
    [InlineData(Register.Ons, "S12000033")]
    [InlineData(Register.Ons, "N09000003")]
    [InlineData(Register.Charity, "123456")]
    [InlineData(Register.Charity, "1234567")]
    [InlineData(Register.Charity, "12345678")]
    [InlineData(Register.Charity, "1234567-1")]
    [InlineData(Register.Charity, "1234567-12")]
    [InlineData(Register.Charity, "SC012345")]
    [InlineData(Register.Company, "01234567")]
    [InlineData(Register.Company, "SC123456")]
    [InlineData(Register.Company, "NI123456")]
    [InlineData(Register.Company, "OC123456")]
    public void IsValid_WellFormed_IsAccepted(Register register, string code) => Assert.True(register.IsValid(code));

    [Theory]
    [InlineData(Register.Ods, "RX-1")]
    [InlineData(Register.Ods, "R1")]
    [InlineData(Register.Ons, "E0600004")]
    [InlineData(Register.Ons, "E060000477")]
    [InlineData(Register.Ons, "X06000047")]
    [InlineData(Register.Ons, "RX1")]
    [InlineData(Register.Charity, "12345")]
    [InlineData(Register.Charity, "123456789")]
    [InlineData(Register.Charity, "1234567-123")]
    [InlineData(Register.Charity, "1234567-")]
    [InlineData(Register.Charity, "SC12345")]
    [InlineData(Register.Charity, "SC0123456")]
    [InlineData(Register.Company, "1234567")]
    [InlineData(Register.Company, "123456789")]
    [InlineData(Register.Company, "S1234567")]
    [InlineData(Register.Company, "SC1234567")]
    [InlineData(Register.Company, "ABC12345")]
    public void IsValid_Malformed_IsRefused(Register register, string code) => Assert.False(register.IsValid(code));

    [Fact]
    public void Normalise_RemovesSpacesAndUpperCases() => Assert.Equal("SC012345", Registers.Normalise(" sc 012 345 "));

    [Fact]
    public void EveryType_HasWordsAndKnowsItsRegisters()
    {
        foreach (var type in Enum.GetValues<OrganisationType>())
        {
            Assert.False(string.IsNullOrWhiteSpace(type.InWords()));
            Assert.NotEmpty(type.Registers());
        }
        Assert.Equal([Register.Ons], OrganisationType.CombinedAuthority.Registers());
        Assert.DoesNotContain(Register.Ods, OrganisationType.LocalAuthority.Registers());
    }
}

public abstract class OrganisationIdentifierTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<HttpResponseMessage> CreateAsync(TestSystem system, object body) =>
        await (await ApiClient.ForAsync(App, system.Convenor)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations", body, Ct);

    [Theory]
    [InlineData("LocalAuthority", "onsCode", "E0600004", "OnsCode", "ONS code must be E, W, S or N followed by 8 numbers, like E06000047")]
    [InlineData("CombinedAuthority", "onsCode", "X47000001", "OnsCode", "ONS code must be E, W, S or N followed by 8 numbers, like E06000047")]
    [InlineData("Vcse", "charityNumber", "12345", "CharityNumber",
        "Charity number must be 6 to 8 numbers, like 1234567 or 1234567-1 for a linked charity, or SC and 6 numbers in Scotland, like SC012345")]
    [InlineData("Housing", "companyNumber", "1234567", "CompanyNumber",
        "Company number must be 8 characters: 8 numbers, like 01234567, or 2 letters and 6 numbers, like SC123456")]
    [InlineData("NhsTrust", "odsCode", "RX-1", "OdsCode", "ODS code must be 3 to 9 letters and numbers, like RX1 or A81001")]
    [InlineData("LocalAuthority", "odsCode", "E06000047", "OdsCode", "Leave the ODS code empty: the type Local authority has an ONS code")]
    [InlineData("Vcse", "onsCode", "E06000047", "OnsCode",
        "Leave the ONS code empty: the type Voluntary, community and social enterprise (VCSE) has an ODS code, a charity number or a company number")]
    [InlineData("NhsTrust", "charityNumber", "1234567", "CharityNumber", "Leave the charity number empty: the type NHS trust has an ODS code")]
    public async Task Create_IdentifierWrongForItsFormatOrType_NamesTheFieldAndWhatItMustBe(string type, string property, string code, string field, string message)
    {
        var system = await App.CreateSystemAsync();
        var body = new Dictionary<string, object> { ["name"] = "Westford Something", ["type"] = type, [property] = code };

        var response = await CreateAsync(system, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Equal(message, errors[field]![0]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Organisations.AnyAsync(o => o.Name == "Westford Something", Ct));
    }

    [Fact]
    public async Task Create_EachIdentifierWellFormed_IsStoredNormalisedAndNamedInTheApi()
    {
        var system = await App.CreateSystemAsync();

        var district = await (await CreateAsync(system, new { name = "Westford District Council", type = "DistrictCouncil", onsCode = "e07000001" })).JsonAsync();
        var charity = await (await CreateAsync(system, new { name = "Westford Carers", type = "Vcse", charityNumber = "sc 012345", companyNumber = "sc123456" })).JsonAsync();
        var linked = await (await CreateAsync(system, new { name = "Westford Hospice Trading", type = "Hospice", charityNumber = "1234567-1" })).JsonAsync();

        Assert.Equal("E07000001", district["onsCode"]!.GetValue<string>());
        Assert.Null(district["odsCode"]);
        Assert.Equal(["ONS code E07000001"], district["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["Registered charity SC012345", "Company number SC123456"], charity["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("1234567-1", linked["charityNumber"]!.GetValue<string>());
        var list = await (await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"/api/v1/systems/{system.Id}/organisations", Ct)).JsonAsync();
        var council = list.AsArray().Single(o => o!["name"]!.GetValue<string>() == "Westford Council")!;
        Assert.Equal("E06000001", council["onsCode"]!.GetValue<string>());
        Assert.Equal(["ONS code E06000001"], council["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_OnsCodeUsedInThisSystem_IsRefused()
    {
        var system = await App.CreateSystemAsync();

        var response = await CreateAsync(system, new { name = "Westford Again", type = "LocalAuthority", onsCode = "E06000001" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ONS code E06000001 is already used by Westford Council in this system",
            (await response.JsonAsync())["errors"]!["OnsCode"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_EveryType_RoundTrips()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        foreach (var type in Enum.GetValues<OrganisationType>())
        {
            var created = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations", new { name = $"A {type}", type = type.ToString() }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var read = await (await client.GetAsync(created.Headers.Location, Ct)).JsonAsync();
            Assert.Equal(type.ToString(), read["type"]!.GetValue<string>());
        }
        await using var scope = App.Database(system.Id);
        Assert.Equal(Enum.GetValues<OrganisationType>().Order(), (await scope.Db.Organisations.Where(o => o.Name.StartsWith("A ")).Select(o => o.Type).ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task Update_LeadLeavingOutTheNewerCodes_KeepsThem_ButMayNotChangeThem()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}";

        // A client written before ONS codes sends what it knew of: the name, type and (no) ODS code.
        var renamed = await lead.PutJsonAsync(url, new { name = "Westford City Council", type = "LocalAuthority" }, "*");
        var recoded = await lead.PutJsonAsync(url, new { name = "Westford City Council", type = "LocalAuthority", onsCode = "E06000002" }, "*");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("E06000001", (await renamed.JsonAsync())["onsCode"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, recoded.StatusCode);
        Assert.Equal("Only a convenor can change an organisation's type, codes or whether it is a partner.", (await recoded.JsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pages_ShowEachIdentifierByName()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var added = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Westford Mind", ["Input.Type"] = nameof(OrganisationType.Vcse), ["Input.CharityNumber"] = "1234567", ["Input.CompanyNumber"] = "01234567",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var details = await client.GetAsync(added.Location!);
        Assert.Contains("Registered charity 1234567, Company number 01234567", details.Text(".nhsuk-summary-list"));
        var list = await client.GetAsync($"/systems/{system.Id}/organisations");
        Assert.Contains("ONS code E06000001", list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Westford Council")).TextContent);
        Assert.Contains("ODS code RT1", list.Text("tbody"));
    }

    [Fact]
    public async Task Page_BadCharityNumber_IsShownBesideItsField()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var result = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Westford Mind", ["Input.Type"] = nameof(OrganisationType.Vcse), ["Input.CharityNumber"] = "12-34",
        });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("#Input_CharityNumber", result.Document.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        Assert.StartsWith("Charity number must be 6 to 8 numbers", result.ErrorSummary.Single());
    }
}

public sealed class OrganisationIdentifierSqliteTests(SqliteApp app) : OrganisationIdentifierTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class OrganisationIdentifierPostgresTests(PostgresApp app) : OrganisationIdentifierTests(app, DatabaseKind.Postgres);
