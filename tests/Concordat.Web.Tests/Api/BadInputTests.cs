using System.Net;
using System.Text;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using System.Net.Http.Json;

namespace Concordat.Web.Tests.Api;

/// <summary>Input the API cannot read is the client's mistake: a 400 problem naming what to correct, never a 500.</summary>
public abstract class BadInputTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Theory]
    [InlineData("GET", "/goals?organisationId=not-a-guid", null, "organisationId")]
    [InlineData("GET", "/strategy/comparison?to=-9223372036854775808", null, "to")]
    [InlineData("POST", "/goals", """{"title":"x","placeIds":{"x":1}}""", "placeIds")]
    [InlineData("POST", "/goals", """{"title":""", "title")]
    [InlineData("POST", "/goals", "not json", "body")]
    [InlineData("POST", "/goals/{goalId}/drivers", """{"level":"Tertiary","title":"x"}""", "level")]
    [InlineData("POST", "/goals/{goalId}/change-ideas", """{"title":"x","secondaryDriverIds":[],"functions":"Education, Bribery"}""", "functions")]
    public async Task UnreadableInput_Is400Problem_NamingTheField(string method, string address, string? body, string field)
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goal = await Goals.GoalApi.DraftAsync(convenor, system);
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/systems/{system.Id}{address.Replace("{goalId}", goal.ToString())}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await convenor.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("bad_request", problem["errorCode"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task AnotherSystemsContribution_HasNoCommitmentsHere_ItIsNotFound()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var otherLead = await ApiClient.ForAsync(App, other.TrustLead);
        var otherGoal = await Goals.GoalApi.DraftAsync(await ApiClient.ForAsync(App, other.Convenor), other);
        var contribution = await (await otherLead.PostAsJsonAsync($"/api/v1/systems/{other.Id}/goals/{otherGoal}/contributions",
            Contributions.ContributionApi.Terms(other.TrustId), Ct)).JsonAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var response = await convenor.GetAsync($"/api/v1/systems/{system.Id}/contributions/{contribution["id"]}/commitments", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AFormPostedToAPageWithNoHandlerForIt_Is405_WithTheMethodsItTakes()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.CouncilLead);
        var resource = await (await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", ResourceApi.VoidSpace(system), Ct)).JsonAsync();
        var pages = await PageClient.SignedInAsync(App, system.CouncilLead);
        var address = $"/systems/{system.Id}/resources/{resource["id"]}";
        var page = await pages.GetAsync(address);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var posted = await pages.PostAsync(address, [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, posted.Status);
        Assert.Equal(["GET", "HEAD", "POST"], posted.Response.Content.Headers.Allow.Order());
    }

    /// <summary>RFC 9110: If-Match: * matches whatever version is current, and nothing when there is nothing there yet.</summary>
    [Fact]
    public async Task IfMatchStar_MatchesTheCurrentVersion_AndNothingWhereThereIsNothing()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var goal = await Goals.GoalApi.DraftAsync(convenor, system);
        var url = $"/api/v1/systems/{system.Id}";

        var goalChanged = await convenor.PutJsonAsync($"{url}/goals/{goal}", Goals.GoalApi.Draft(system, "Fewer falls at home"), "*");
        var organisationChanged = await convenor.PutJsonAsync($"{url}/organisations/{system.TrustId}", new { name = "Westford Hospitals", type = "NhsTrust" }, "*");
        var perspectives = $"{url}/goals/{goal}/perspectives/{system.TrustId}";
        var nothingThere = await trust.PutJsonAsync(perspectives, new { whatWeNeed = "Beds" }, "*");
        var created = await trust.PutAsJsonAsync(perspectives, new { whatWeNeed = "Beds" }, Ct);
        var changed = await trust.PutJsonAsync(perspectives, new { whatWeNeed = "Beds and therapists" }, "*");

        Assert.Equal(HttpStatusCode.OK, goalChanged.StatusCode);
        Assert.Equal("Fewer falls at home", (await goalChanged.JsonAsync())["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, organisationChanged.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, nothingThere.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
    }
}

public sealed class BadInputSqliteTests(SqliteApp app) : BadInputTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class BadInputPostgresTests(PostgresApp app) : BadInputTests(app, DatabaseKind.Postgres);
