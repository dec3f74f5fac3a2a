using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Api;

/// <summary>
/// Every POST of the API that adds something answers 201 Created, with what it created and a Location that reads it
/// back. The POST routes are read from the app's endpoints, so a new one fails here until it is created below or
/// listed in <see cref="Actions"/> with the reason it creates nothing of its own.
/// </summary>
public abstract partial class CreateOperationsTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private const string SystemRoot = "/api/v1/systems/{systemId}";

    /// <summary>POSTs that act on what exists, or import many rows at once, rather than add one item; each with why.</summary>
    private static readonly Dictionary<string, string> Actions = new()
    {
        ["/contributions/{contributionId}/acceptance"] = "accepts the contribution; answers with it",
        ["/contributions/{contributionId}/withdrawal"] = "withdraws the contribution; answers with it",
        ["/check-ins/{checkInId}/acknowledgement"] = "marks the check-in acknowledged",
        ["/rounds/{roundId}/positions"] = "records or changes the organisation's one position in the round, which answers with every position",
        ["/rounds/{roundId}/amendments"] = "amends the round's proposal (a revision inside the round, against its ETag); answers with the round",
        ["/rounds/{roundId}/withdrawal"] = "withdraws the round's proposal; answers with the round",
        ["/measures/{id}/observations"] = "adds or corrects the value of one period: the period is its key, and the measure answers with all its values",
        ["/goals/{goalId}/measures/{id}"] = "links a measure to a goal",
        ["/goals/{id}/drivers/{driverId}/measures/{measureId}"] = "attaches a measure to a driver",
        ["/measures/{id}/imports"] = "imports many periods at once, all or nothing; answers with what was added and changed",
        ["/measures/imports"] = "imports many measures' periods at once, all or nothing; answers with what was added and changed",
        ["/organisations/{organisationId}/resources/import"] = "imports a register of many resources at once, all or nothing",
        ["/strategy/import"] = "imports a whole strategy (places, partners, forums, measures, goals) at once, all or nothing; answers with what was added",
        ["/pooled-funds/{id}/contributions/{organisationId}/confirm"] = "confirms the host's proposed payment; answers with the fund",
        ["/pooled-funds/{id}/contributions/{organisationId}/decline"] = "declines the host's proposed payment; answers with the fund",
        ["/commitments/{id}/accept"] = "accepts a request for a resource; answers with the commitment",
        ["/commitments/{id}/decline"] = "declines a request for a resource; answers with the commitment",
        ["/goals/{id}/change-ideas/{ideaId}/carriers/{contributionId}/accept"] = "agrees that the organisation's contribution carries the idea; answers with the idea",
        ["/goals/{id}/change-ideas/{ideaId}/carriers/{contributionId}/decline"] = "declines to carry the idea, with a reason; answers with the idea",
        ["/people/{personId}/invitation"] = "replaces the person's invitation link; answers with the new link",
        ["/api/v1/people/{personId}/account/end-sessions"] = "ends the sessions of an account",
        ["/api/v1/people/{personId}/account/deactivate"] = "deactivates an account",
        ["/api/v1/people/{personId}/account/reactivate"] = "reactivates an account",
        ["/api/v1/people/{personId}/account/reset-two-step"] = "turns an account's two-step verification off",
        ["/goals/{id}/drivers/{driverId}/shares"] = "lets the priority serve another goal too (nothing new: the driver is shared, not copied); answers with it",
        ["/work-items/{id}/moves"] = "moves the item to another status (against its ETag); answers with it",
        ["/iterations/{id}/closure"] = "closes the iteration (against its ETag), carrying the items chosen; answers with it",
        ["/iterations/{id}/retrospective/closure"] = "closes the iteration's retrospective (against its ETag); answers with the iteration",
        ["/dependencies/{id}/accept"] = "accepts a request for an item, with a date (against its ETag); answers with the dependency",
        ["/dependencies/{id}/decline"] = "declines a request for an item, with a reason (against its ETag); answers with the dependency",
        ["/dependencies/{id}/delivery"] = "marks the dependency delivered (against its ETag); answers with it",
        ["/dependencies/{id}/withdrawal"] = "withdraws the dependency, which stays in the history (against its ETag); answers with it",
        ["/places/{id}/retirement"] = "retires the place (against its ETag); answers with it",
        ["/api/v1/people/{personId}/account/reset-link"] = "replaces an account's password with a single-use link to set one; answers with the link",
        ["/asks/{id}/rounds"] = "puts the draft ask to the partners (one open round at a time); answers with the round and every organisation asked",
        ["/asks/{id}/rounds/{roundId}/positions"] = "records or changes the organisation's one position on the ask, which answers with the round",
        ["/asks/{id}/rounds/{roundId}/withdrawal"] = "takes the ask back from the partners",
        ["/asks/{id}/submission"] = "submits the ask the partners agreed (against its ETag); answers with the ask",
        ["/asks/{id}/iterations"] = "the system's next move in the exchange (against the ask's ETag); answers with the ask",
        ["/api/v1/national/asks/{id}/responses"] = "the body's next move in the exchange (against the ask's ETag); answers with the ask and every iteration",
        ["/api/v1/national-bodies/{id}/partners"] = "appoints a person (new or not) as the body's national partner, or moves them from another body; answers with them",
        ["/api/v1/national/themes/{id}/asks"] = "links an ask to the theme; answers with the theme and every ask behind it",
        ["/api/v1/national/themes/{id}/responses"] = "gives one response to each linked ask whose move it is; answers with the asks reached and those not",
    };

    [Fact]
    public async Task EveryCreate_Answers201_WithWhatItCreated_AndALocationInTheSystemThatReadsItBack()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}";
        var inAMonth = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var created = new HashSet<string>();
        var problems = new List<string>();

        // A route outside any system (a new system) gives its own root; the Location must be under it.
        async Task<string> CreateAsync(string route, HttpClient client, string address, object body, string? root = null)
        {
            root ??= url;
            var response = await client.PostAsJsonAsync(address, body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                problems.Add($"POST {route} answered {(int)response.StatusCode}, not 201: {text}");
                return "";
            }
            created.Add(route);
            var id = Identity(JsonNode.Parse(text));
            var location = response.Headers.Location;
            if (location is null || !Path(location).StartsWith(root + "/", StringComparison.Ordinal))
            {
                problems.Add($"POST {route} gave the Location {location}, not an address under {root}");
                return id ?? "";
            }
            var read = await client.GetAsync(location, Ct);
            var readId = read.StatusCode == HttpStatusCode.OK ? Identity(await read.JsonAsync()) : null;
            if (id is null || readId != id)
            {
                problems.Add($"POST {route} created {id ?? "something with no id"}, but GET {Path(location)} answered {(int)read.StatusCode} with {readId ?? "no id"}");
            }
            return id ?? "";
        }

        var goal = await CreateAsync("/goals", convenor, $"{url}/goals", GoalApi.Draft(system));
        var contribution = await CreateAsync("/goals/{id}/contributions", trustLead, $"{url}/goals/{goal}/contributions", ContributionApi.Terms(system.TrustId));
        Assert.True((await ContributionApi.PostWithVersionAsync(convenor, system, Guid.Parse(contribution), "acceptance", new { })).IsSuccessStatusCode);
        await CreateAsync("/contributions/{contributionId}/check-ins", trustLead, $"{url}/contributions/{contribution}/check-ins", new { status = "OnTrack", confidence = 7 });
        var primary = await CreateAsync("/goals/{id}/drivers", convenor, $"{url}/goals/{goal}/drivers", new { level = "Primary", title = "Timely discharge" });
        var secondary = await CreateAsync("/goals/{id}/drivers", convenor, $"{url}/goals/{goal}/drivers",
            new { level = "Secondary", title = "Same-day reablement", primaryDriverIds = new[] { primary } });
        var idea = await CreateAsync("/goals/{id}/change-ideas", convenor, $"{url}/goals/{goal}/change-ideas", new { title = "Trusted assessors", secondaryDriverIds = new[] { secondary } });
        var measure = await CreateAsync("/measures", trustLead, $"{url}/measures", new
        {
            name = "Delayed discharges", definition = "People in hospital who no longer need to be", unit = "people", format = "Count", frequency = "Monthly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId,
        });
        await CreateAsync("/measures/{id}/rebases", trustLead, $"{url}/measures/{measure}/rebases", new { periodStart = "2026-01-01", reason = "New discharge pathway" });
        await CreateAsync("/organisations", convenor, $"{url}/organisations", new { name = "Westford Mind", type = "Vcse" });
        var place = await CreateAsync("/places", convenor, $"{url}/places", new { name = "Mereside", localAuthorityCode = "E06000047" });
        await CreateAsync("/places/{id}/neighbourhoods", convenor, $"{url}/places/{place}/neighbourhoods", new { name = "Mereside North" });
        var forum = await CreateAsync("/forums", convenor, $"{url}/forums", new { name = "Westford ICP", kind = "IntegratedCarePartnership", memberOrganisationIds = new[] { system.TrustId } });
        await CreateAsync("/roles", trustLead, $"{url}/roles", new { email = "new.nurse@test.concordat.example", displayName = "Nia Nurse", organisationId = system.TrustId, role = "Contributor" });
        await CreateAsync("/organisations/{id}/delegations", trustLead, $"{url}/organisations/{system.TrustId}/delegations",
            new { capability = "MeasureData", personId = system.Convenor.Id, until = inAMonth });
        var resource = await CreateAsync("/resources", councilLead, $"{url}/resources", ResourceApi.VoidSpace(system));
        await CreateAsync("/contributions/{id}/commitments", trustLead, $"{url}/contributions/{contribution}/commitments",
            new { resourceId = resource, quantity = 10, startsOn = "2027-01-01", endsOn = "2027-03-31" });
        await CreateAsync("/goals/{id}/needs", convenor, $"{url}/goals/{goal}/needs",
            new { types = ResourceApi.Nursing, description = "Nurses for the frailty hubs", quantity = 10, unit = "WTE", startsOn = "2027-01-01", endsOn = "2027-12-31" });
        var fund = await CreateAsync("/pooled-funds", councilLead, $"{url}/pooled-funds", new
        {
            name = "Westford Better Care Fund 2026/27", type = "BetterCareFund", hostOrganisationId = system.CouncilId, poolManager = "Amira Khan", financialYear = "2026/27",
        });
        Assert.True((await councilLead.PutAsJsonAsync($"{url}/pooled-funds/{fund}/contributions/{system.CouncilId}", new { amountInPence = 500_000_00L }, Ct)).IsSuccessStatusCode);
        await CreateAsync("/pooled-funds/{id}/schemes", councilLead, $"{url}/pooled-funds/{fund}/schemes", new { name = "Discharge to assess", amountInPence = 100_000_00L, goalIds = new[] { goal } });
        await CreateAsync("/strategy/versions", convenor, $"{url}/strategy/versions", new { note = "Approved by the ICP", agreedByForumId = forum, agreedOn = "2026-01-14" });
        await CreateAsync("/goals/{id}/rounds", convenor, $"{url}/goals/{goal}/rounds", new { kind = "Adopt", closesOn = inAMonth, requiredOrganisationIds = new[] { system.TrustId } });
        await CreateAsync("/ambitions", convenor, $"{url}/ambitions", new { title = "Age well", description = "Older people live well at home for longer." });
        var workstream = await CreateAsync("/workstreams", convenor, $"{url}/workstreams",
            new { name = "Home first", purpose = "Get people home the day they are ready", leadOrganisationId = system.TrustId, goalIds = new[] { goal } });
        var item = await CreateAsync("/work-items", trustLead, $"{url}/work-items", new { title = "Discharge lounge", workstreamId = workstream, ownerOrganisationId = system.TrustId });
        await CreateAsync("/raid", trustLead, $"{url}/raid", Raid.RaidApiTests.Risk(system, 3, 4, 2, 2));
        await CreateAsync("/asks", trustLead, $"{url}/asks", new
        {
            title = "A blended payment for the virtual ward", category = "PaymentModel", nationalBodyId = Concordat.Core.National.NationalBody.Standard[0].Id,
            barrier = "Paid per bed-day", request = "A blended payment", ownerOrganisationId = system.TrustId,
        });
        await CreateAsync("/work-items/{id}/comments", councilLead, $"{url}/work-items/{item}/comments", new { text = "We can staff it on Saturdays." });
        var iteration = await CreateAsync("/iterations", convenor, $"{url}/iterations", new { objective = "Open the discharge lounge" });
        var closing = new HttpRequestMessage(HttpMethod.Post, $"{url}/iterations/{iteration}/closure") { Content = JsonContent.Create(new { }) };
        closing.Headers.TryAddWithoutValidation("If-Match", "*");
        Assert.True((await convenor.SendAsync(closing, Ct)).IsSuccessStatusCode);
        await CreateAsync("/iterations/{id}/retrospective/actions", convenor, $"{url}/iterations/{iteration}/retrospective/actions",
            new { title = "Book rooms early", ownerOrganisationId = system.TrustId, workstreamId = workstream });
        var councilItem = await CreateAsync("/work-items", councilLead, $"{url}/work-items", new { title = "Saturday reablement", workstreamId = workstream, ownerOrganisationId = system.CouncilId });
        await CreateAsync("/dependencies", trustLead, $"{url}/dependencies", new { consumerItemId = item, producerItemId = councilItem });
        var cycle = await CreateAsync("/pdsa-cycles", trustLead, $"{url}/pdsa-cycles", new
        {
            changeIdeaId = idea, title = "Assessors on ward 7", objective = "Try trusted assessors on one ward", prediction = "Half of discharges the same day",
            ownerOrganisationId = system.TrustId, startsOn = "2026-01-05", endsOn = "2026-02-01", measureId = measure,
        });
        // A cycle is ramped on only once it has been done, studied and decided on.
        var etag = (await trustLead.GetAsync($"{url}/pdsa-cycles/{cycle}", Ct)).Headers.ETag!.ToString();
        foreach (var (stage, body) in new (string, object)[] { ("do", new { whatHappened = "Ran for four weeks" }), ("study", new { result = "A third, not half" }), ("act", new { decision = "Adapt" }) })
        {
            var recorded = await trustLead.PutJsonAsync($"{url}/pdsa-cycles/{cycle}/{stage}", body, etag);
            Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync(Ct));
            etag = recorded.Headers.ETag!.ToString();
        }
        await CreateAsync("/pdsa-cycles/{id}/ramp", trustLead, $"{url}/pdsa-cycles/{cycle}/ramp", new { });
        var administrator = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        await CreateAsync("/api/v1/systems", administrator, "/api/v1/systems", new
        {
            name = $"Westvale ICS {Guid.NewGuid():N}", convenorEmail = $"convenor-{Guid.NewGuid():N}@test.concordat.example", convenorName = "Fern First",
            organisationName = "NHS Westvale Integrated Care Board",
        }, "/api/v1/systems");
        await CreateAsync("/api/v1/national-bodies", administrator, "/api/v1/national-bodies", new { name = $"Office for Local Government {Guid.NewGuid():N}", kind = "Other" },
            "/api/v1/national-bodies");
        var national = await ApiClient.ForAsync(App, await App.CreateNationalPartnerAsync(Concordat.Core.National.NationalBody.Standard[0].Id));
        await CreateAsync("/api/v1/national/themes", national, "/api/v1/national/themes", new { title = "Pooling discharge funding" }, "/api/v1/national/themes");

        var posts = PostRoutes();
        var document = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!;
        foreach (var route in created.Where(r => document["paths"]![r.StartsWith("/api/", StringComparison.Ordinal) ? r : SystemRoot + r]?["post"]?["responses"]?["201"] is null))
        {
            problems.Add($"The OpenAPI document does not say POST {route} answers 201");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Empty(posts.Where(r => !created.Contains(r) && !Actions.ContainsKey(r)).Select(r => $"POST {r}: create it in this test, or list it in Actions with why"));
        Assert.Empty(Actions.Keys.Where(r => !posts.Contains(r)).Select(r => $"{r} is listed in Actions but the API has no such POST"));
    }

    /// <summary>The API's POST routes, inside a system relative to it, with their parameters' constraints left out.</summary>
    private HashSet<string> PostRoutes() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => Constraint().Replace(e.RoutePattern.RawText!, "}").TrimEnd('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(r => r.StartsWith(SystemRoot, StringComparison.Ordinal) ? r[SystemRoot.Length..] : r)
            .ToHashSet();

    /// <summary>
    /// What identifies an item: its id (a published version's number), at the top of the body or in the one part
    /// of it that has one (a resource is read back with its commitments beside it).
    /// </summary>
    private static string? Identity(JsonNode? body) => body is JsonObject item
        ? (item["id"] ?? item["number"])?.ToString()
          ?? item.Select(p => p.Value is JsonObject part ? (part["id"] ?? part["number"])?.ToString() : null).SingleOrDefault(id => id is not null)
        : null;

    private static string Path(Uri location) => location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString;

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}

public sealed class CreateOperationsSqliteTests(SqliteApp app) : CreateOperationsTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class CreateOperationsPostgresTests(PostgresApp app) : CreateOperationsTests(app, DatabaseKind.Postgres);
