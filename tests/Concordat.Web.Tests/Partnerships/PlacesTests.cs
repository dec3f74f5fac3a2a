using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

public abstract class PlacesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static object Eastvale => new { name = "Eastvale", localAuthorityCode = "e06000047", subIcbLocationCode = "E38000212" };

    [Fact]
    public async Task Create_AsConvenor_Answers201WithNormalisedCodes_AndIsAudited()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/places", Eastvale, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var place = await response.JsonAsync();
        Assert.Equal("E06000047", place["localAuthorityCode"]!.GetValue<string>());
        Assert.Equal("E38000212", place["subIcbLocationCode"]!.GetValue<string>());
        Assert.EndsWith($"/places/{place["id"]}", response.Headers.Location!.ToString());
        await using var scope = App.Database(system.Id);
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "PlaceAdded" && e.EntityName == "Eastvale" && e.ActorPersonId == system.Convenor.Id, Ct));
    }

    [Fact]
    public async Task Create_AsLeadOrViewer_IsForbiddenBeforeTheInputIsRead()
    {
        var system = await App.CreateSystemAsync();
        foreach (var person in new[] { system.TrustLead, system.Viewer })
        {
            var client = await ApiClient.ForAsync(App, person);

            var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/places", new { name = "", localAuthorityCode = "nonsense" }, Ct);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await using var scope = App.Database(system.Id);
        Assert.Equal(1, await scope.Db.Places.CountAsync(Ct));
    }

    [Fact]
    public async Task Create_BadOnsCodes_NameTheFieldAndSaveNothing()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/places",
            new { name = "Westford", localAuthorityCode = "X0600004", subIcbLocationCode = "E06000047" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!;
        Assert.Equal("There is already a place called Westford in this system", errors["Name"]![0]!.GetValue<string>());
        Assert.Equal("Local authority code must be an ONS code: E or W and 8 numbers, like E06000047", errors["LocalAuthorityCode"]![0]!.GetValue<string>());
        Assert.Equal("Sub-ICB location code must be an ONS code: E38 and 6 numbers, like E38000212", errors["SubIcbLocationCode"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Rename_WithStaleIfMatch_Answers412_AndWithoutIfMatch428()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}/places/{system.PlaceId}";
        var stale = (await client.GetAsync(url, Ct)).Headers.ETag!.ToString();
        var first = await client.PutJsonAsync(url, new { name = "Westford and Mere", localAuthorityCode = "E08000021" }, stale);

        var second = await client.PutJsonAsync(url, new { name = "Westford Town" }, stale);
        var unconditional = await client.PutJsonAsync(url, new { name = "Westford Town" }, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("Westford and Mere", (await second.JsonAsync())["current"]!["Name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal("Westford and Mere", await scope.Db.Places.Select(p => p.Name).SingleAsync(Ct));
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "PlaceUpdated" && e.EntityId == system.PlaceId, Ct));
    }

    [Fact]
    public async Task Rename_AsLead_IsForbiddenEvenWithoutIfMatch()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.CouncilLead);

        var response = await client.PutJsonAsync($"/api/v1/systems/{system.Id}/places/{system.PlaceId}", new { name = "Taken" }, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Retired_Place_StaysWhereItWasChosen_ButIsOfferedForNothingNew()
    {
        var system = await App.CreateSystemAsync();
        var api = await ApiClient.ForAsync(App, system.Convenor);
        var placeUrl = $"/api/v1/systems/{system.Id}/places/{system.PlaceId}";
        var etag = (await api.GetAsync(placeUrl, Ct)).Headers.ETag!.ToString();
        var trust = await api.GetAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}", Ct);
        Assert.True((await api.PutJsonAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}",
            new { name = "Westford Hospitals NHS Trust", type = "NhsTrust", odsCode = "RT1", placeIds = new[] { system.PlaceId } }, trust.Headers.ETag!.ToString())).IsSuccessStatusCode);

        var retire = new HttpRequestMessage(HttpMethod.Post, $"{placeUrl}/retirement");
        retire.Headers.TryAddWithoutValidation("If-Match", etag);
        var retired = await api.SendAsync(retire, Ct);
        var newPartner = await api.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations",
            new { name = "Westford Mind", type = "Vcse", placeIds = new[] { system.PlaceId } }, Ct);
        var trustNow = await api.GetAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}", Ct);
        var keepIt = await api.PutJsonAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}",
            new { name = "Westford Hospitals", type = "NhsTrust", odsCode = "RT1", placeIds = new[] { system.PlaceId } }, trustNow.Headers.ETag!.ToString());
        var pages = await PageClient.SignedInAsync(App, system.Convenor);
        var newForm = await pages.GetAsync($"/systems/{system.Id}/goals/new");
        var editForm = await pages.GetAsync($"/systems/{system.Id}/organisations/{system.TrustId}/edit");

        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.NotNull((await retired.JsonAsync())["retiredOn"]);
        Assert.Equal(HttpStatusCode.BadRequest, newPartner.StatusCode);
        Assert.Equal("Westford is retired, so it cannot be chosen", (await newPartner.JsonAsync())["errors"]!["PlaceIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, keepIt.StatusCode);
        Assert.Contains("Westford", (await keepIt.JsonAsync())["places"]!.ToJsonString());
        Assert.DoesNotContain(system.PlaceId.ToString(), newForm.Html);
        Assert.Contains(system.PlaceId.ToString(), editForm.Html);
        await using var scope = App.Database(system.Id);
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "PlaceRetired" && e.EntityId == system.PlaceId, Ct));
    }

    [Fact]
    public async Task Neighbourhoods_AreAddedByConvenors_AndShownOnThePlacePage()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var url = $"/api/v1/systems/{system.Id}/places/{system.PlaceId}/neighbourhoods";

        var added = await convenor.PostAsJsonAsync(url, new { name = "Westford North", code = "U12345" }, Ct);
        var duplicate = await convenor.PostAsJsonAsync(url, new { name = "westford north" }, Ct);
        var byLead = await lead.PostAsJsonAsync(url, new { name = "Westford South" }, Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/places/{system.PlaceId}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("Westford already has a neighbourhood called westford north", (await duplicate.JsonAsync())["errors"]!["Name"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal("Westford North (U12345)", page.Text("#neighbourhood-list li"));
        Assert.Null(page.Document.QuerySelector("form[action*='Neighbourhood']"));
    }

    [Fact]
    public async Task PlacesPage_ConvenorAddsAPlace_AndABadCodeIsShownBesideItsField()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var list = await client.GetAsync($"/systems/{system.Id}/places");

        var bad = await list.SubmitAsync("main form", new() { ["Input.Name"] = "Mereside", ["Input.LocalAuthorityCode"] = "E0600004" });
        var good = await list.SubmitAsync("main form", new() { ["Input.Name"] = "Mereside", ["Input.LocalAuthorityCode"] = "w06000015" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["Local authority code must be an ONS code: E or W and 8 numbers, like E06000047"], bad.ErrorSummary);
        Assert.NotNull(bad.Document.QuerySelector("#Input_LocalAuthorityCode.nhsuk-input--error"));
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        var page = await good.FollowAsync();
        Assert.Equal("Mereside", page.Text("h1"));
        Assert.Contains("W06000015", page.Html);
    }

    [Fact]
    public async Task PlacePage_ConvenorRenamesThenRetires_AndAFormReadBeforeTheRenameIsRefusedWithWhatIsSaved()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var page = await client.GetAsync($"/systems/{system.Id}/places/{system.PlaceId}");

        var renamed = await page.SubmitAsync("form[action*='Change']", new() { ["Input.Name"] = "Westford and Mere" });
        var stale = await page.SubmitAsync("form[action*='Retire']", new());
        var retired = await (await client.GetAsync($"/systems/{system.Id}/places/{system.PlaceId}")).SubmitAsync("form[action*='Retire']", new());
        var after = await retired.FollowAsync();

        Assert.Equal(HttpStatusCode.Redirect, renamed.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Westford and Mere", stale.Text("#edit-conflict"));
        Assert.Equal(HttpStatusCode.Redirect, retired.Status);
        Assert.StartsWith("No, retired on ", after.Text(".nhsuk-summary-list__row:nth-child(3) .nhsuk-summary-list__value"));
        Assert.Null(after.Document.QuerySelector("form[action*='Retire']"));
        Assert.Null(after.Document.QuerySelector("form[action*='handler=Neighbourhood']"));
    }

    [Fact]
    public async Task PlacesPage_OffersNoFormsToALead()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.TrustLead);

        var list = await client.GetAsync($"/systems/{system.Id}/places");
        var place = await client.GetAsync($"/systems/{system.Id}/places/{system.PlaceId}");

        Assert.Null(list.Document.QuerySelector("main form"));
        Assert.Null(place.Document.QuerySelector("main form"));
        Assert.Contains("Westford", list.Text("tbody"));
    }
}

public sealed class PlacesSqliteTests(SqliteApp app) : PlacesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PlacesPostgresTests(PostgresApp app) : PlacesTests(app, DatabaseKind.Postgres);
