using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Tokens;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Partnerships;

public abstract class OrganisationsApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task GetSystems_ListsOnlyTheCallersSystems()
    {
        var mine = await App.CreateSystemAsync();
        var theirs = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, mine.Viewer);

        var response = await client.GetAsync("/api/v1/systems", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var systems = (await response.JsonAsync()).AsArray();
        var only = Assert.Single(systems);
        Assert.Equal(mine.Id.ToString(), only!["id"]!.GetValue<string>());
        Assert.Equal(mine.Name, only["name"]!.GetValue<string>());
        Assert.DoesNotContain(theirs.Name, systems.ToJsonString());
    }

    [Fact]
    public async Task ListAndGet_ReturnOrganisationsWithETag()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Viewer);

        var list = await (await client.GetAsync($"/api/v1/systems/{system.Id}/organisations", Ct)).JsonAsync();
        var get = await client.GetAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}", Ct);
        var trust = await get.JsonAsync();

        Assert.Equal(["Test ICB", "Westford Council", "Westford Hospitals NHS Trust"], list.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal("RT1", trust["odsCode"]!.GetValue<string>());
        Assert.Equal("NhsTrust", trust["type"]!.GetValue<string>());
        Assert.Equal($"\"{Guid.Parse(trust["version"]!.GetValue<string>()):N}\"", get.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Create_AsConvenor_Returns201AndAudits()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations",
            new { name = "Westford Mind", type = "Vcse", odsCode = "mnd01", placeIds = new[] { system.PlaceId } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal("MND01", created["odsCode"]!.GetValue<string>());
        Assert.EndsWith($"/api/v1/systems/{system.Id}/organisations/{created["id"]}", response.Headers.Location!.ToString());
        await using var scope = App.Database(system.Id);
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "OrganisationAdded" && e.ActorPersonId == system.Convenor.Id, Ct));
    }

    [Fact]
    public async Task Create_Invalid_ReturnsProblemWithFieldErrorsAndSavesNothing()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations",
            new { name = "", type = "Vcse", odsCode = "RT1" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("validation_failed", problem["errorCode"]!.GetValue<string>());
        Assert.Equal("Enter the organisation's name", problem["errors"]!["Name"]![0]!.GetValue<string>());
        Assert.Equal("ODS code RT1 is already used by Westford Hospitals NHS Trust in this system", problem["errors"]!["OdsCode"]![0]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        Assert.Equal(3, await scope.Db.Organisations.CountAsync(Ct));
    }

    [Fact]
    public async Task Create_WithViewerToken_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Viewer);

        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations", new { name = "Nope", type = "Vcse" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await response.JsonAsync())["errorCode"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Organisations.AnyAsync(o => o.Name == "Nope", Ct));
    }

    [Fact]
    public async Task Update_ContributorOfAnotherOrganisation_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.CouncilContributor);
        var read = await client.GetAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}", Ct);

        var response = await client.PutJsonAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}",
            new { name = "Taken over", type = "NhsTrust", odsCode = "RT1" }, read.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Update_WithCurrentETag_SavesAndReturnsNewETag()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}";
        var read = await client.GetAsync(url, Ct);

        var response = await client.PutJsonAsync(url, new { name = "Westford City Council", type = "LocalAuthority", onsCode = "E06000001" },
            read.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Westford City Council", (await response.JsonAsync())["name"]!.GetValue<string>());
        Assert.NotEqual(read.Headers.ETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Update_WithStaleETag_Returns412WithCurrentAndChangesNothing()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}";
        var stale = (await client.GetAsync(url, Ct)).Headers.ETag!.ToString();
        var first = await client.PutJsonAsync(url, new { name = "First edit", type = "LocalAuthority" }, stale);

        var second = await client.PutJsonAsync(url, new { name = "Second edit", type = "LocalAuthority" }, stale);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var problem = await second.JsonAsync();
        Assert.Equal("edit_conflict", problem["errorCode"]!.GetValue<string>());
        Assert.Equal("First edit", problem["current"]!["Name"]!.GetValue<string>());
        Assert.Equal("First edit", (await (await client.GetAsync(url, Ct)).JsonAsync())["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Returns428()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        var response = await client.PutJsonAsync($"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}",
            new { name = "No precondition", type = "LocalAuthority" }, ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal("if_match_required", (await response.JsonAsync())["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherSystem_IsNotFound()
    {
        var mine = await App.CreateSystemAsync();
        var theirs = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, mine.Convenor);

        var list = await client.GetAsync($"/api/v1/systems/{theirs.Id}/organisations", Ct);
        var crossed = await client.GetAsync($"/api/v1/systems/{mine.Id}/organisations/{theirs.TrustId}", Ct);
        var create = await client.PostAsJsonAsync($"/api/v1/systems/{theirs.Id}/organisations", new { name = "Intruder", type = "Vcse" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal("not_found", (await list.JsonAsync())["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokedToken_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var token = await App.TokenForAsync(system.Convenor);
        var client = ApiClient.WithToken(App, token);
        var before = await client.GetAsync("/api/v1/systems", Ct);
        await App.WithScopeAsync(async s =>
        {
            var tokens = s.GetRequiredService<TokenService>();
            var id = (await tokens.ListAsync(system.Convenor.Id, Ct)).Single().Id;
            await tokens.RevokeAsync(system.Convenor.Id, id, Ct);
            return id;
        });

        var after = await client.GetAsync("/api/v1/systems", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", (await after.JsonAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoToken_OrSessionCookieOnly_IsUnauthorized()
    {
        var system = await App.CreateSystemAsync();
        var signedIn = await PageClient.SignedInAsync(App, system.Convenor);

        var anonymous = await App.CreateClient().GetAsync("/api/v1/systems", Ct);
        var cookieOnly = await signedIn.Http.GetAsync("/api/v1/systems", Ct);
        var garbage = await ApiClient.WithToken(App, "cc_not-a-token").GetAsync("/api/v1/systems", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
    }
}

public sealed class OrganisationsApiSqliteTests(SqliteApp app) : OrganisationsApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class OrganisationsApiPostgresTests(PostgresApp app) : OrganisationsApiTests(app, DatabaseKind.Postgres);
