using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;
using Concordat.Core.Measures;
using Concordat.Core.Waiting;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Concordat.Spc;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>
/// Iterations through the API: who may start, plan and close them; carrying items and the snapshot kept at closing; the
/// review's figures from real SPC readings; retrospectives answered per organisation, their actions as work items; and
/// what they put on people's "waiting on me" lists.
/// </summary>
public abstract class IterationsApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly DateOnly End = new(2026, 2, 15);

    private sealed record Programme(TestSystem System, Guid GoalId, Guid WorkstreamId, HttpClient Convenor, HttpClient Trust, HttpClient Council)
    {
        public string Url => $"/api/v1/systems/{System.Id}";
    }

    /// <summary>A goal served by a workstream led by the trust with the council contributing.</summary>
    private async Task<Programme> ProgrammeAsync()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await App.AgreedGoalAsync(system, Ct);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var stream = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/workstreams", new
        {
            name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId },
            contributorIds = new[] { system.CouncilId },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, stream.StatusCode);
        return new Programme(system, goalId, (await stream.JsonAsync())["id"]!.GetValue<Guid>(), convenor,
            await ApiClient.ForAsync(App, system.TrustLead), await ApiClient.ForAsync(App, system.CouncilLead));
    }

    private static async Task<(Guid Id, string ETag)> StartAsync(Programme p, object? body = null)
    {
        var response = await p.Convenor.PostAsJsonAsync($"{p.Url}/iterations", body ?? new { startsOn = Start, endsOn = End, objective = "Open the falls clinic" }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.JsonAsync())["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString());
    }

    /// <summary>Adds an item owned by the given organisation (through its lead) and plans it into the iteration.</summary>
    private static async Task<Guid> PlannedItemAsync(Programme p, Guid iterationId, string title, bool byTrust = true, Guid[]? contributors = null)
    {
        var client = byTrust ? p.Trust : p.Council;
        var created = await client.PostAsJsonAsync($"{p.Url}/work-items", new
        {
            title, workstreamId = p.WorkstreamId, ownerOrganisationId = byTrust ? p.System.TrustId : p.System.CouncilId, contributorIds = contributors ?? [],
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync())["item"]!["id"]!.GetValue<Guid>();
        var planned = await client.PutJsonAsync($"{p.Url}/work-items/{id}/iteration", new { iterationId }, created.Headers.ETag!.ToString());
        Assert.True(planned.StatusCode == HttpStatusCode.OK, await planned.Content.ReadAsStringAsync(Ct));
        return id;
    }

    private static async Task MoveAsync(Programme p, Guid itemId, object move, bool byTrust = true)
    {
        var client = byTrust ? p.Trust : p.Council;
        var etag = (await client.GetAsync($"{p.Url}/work-items/{itemId}", Ct)).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{p.Url}/work-items/{itemId}/moves") { Content = JsonContent.Create(move) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var moved = await client.SendAsync(request, Ct);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpResponseMessage> CloseAsync(Programme p, Guid iterationId, Guid[] carry, HttpClient? by = null)
    {
        var etag = (await p.Convenor.GetAsync($"{p.Url}/iterations/{iterationId}", Ct)).Headers.ETag!.ToString();
        return await PostAsync(by ?? p.Convenor, $"{p.Url}/iterations/{iterationId}/closure", new { carryItemIds = carry }, etag);
    }

    private async Task<IReadOnlyList<WaitingItem>> WaitingForAsync(TestSystem system, TestPerson person)
    {
        await using var scope = App.Database(system.Id);
        var actor = await Actor.LoadAsync(scope.Db, person.Id, system.Id, UkCalendar.Today(TimeProvider.System), Ct);
        return await scope.Get<IterationService>().WaitingForAsync(actor!, Ct);
    }

    [Fact]
    public async Task Iterations_ConvenorsStartCloseAndSetTheCadence_ViewersRead_AnotherSystemSeesNothing()
    {
        var p = await ProgrammeAsync();
        var other = await App.CreateSystemAsync();

        var byLead = await p.Trust.PostAsJsonAsync($"{p.Url}/iterations", new { objective = "Ours" }, Ct);
        var (firstId, _) = await StartAsync(p);
        var defaultCadence = await p.Convenor.GetAsync($"{p.Url}/iterations/cadence", Ct);
        var cadenceByLead = await p.Trust.PutJsonAsync($"{p.Url}/iterations/cadence", new { weeks = 2 }, null);
        var cadence = await p.Convenor.PutJsonAsync($"{p.Url}/iterations/cadence", new { weeks = 2 }, null);
        var staleCadence = await p.Convenor.PutJsonAsync($"{p.Url}/iterations/cadence", new { weeks = 3 }, defaultCadence.Headers.ETag!.ToString());
        var second = await p.Convenor.PostAsJsonAsync($"{p.Url}/iterations", new { }, Ct);
        var closedByLead = await CloseAsync(p, firstId, [], p.Trust);
        var viewer = await ApiClient.ForAsync(App, p.System.Viewer);
        var read = await viewer.GetAsync($"{p.Url}/iterations/{firstId}", Ct);
        var list = await viewer.GetAsync($"{p.Url}/iterations", Ct);
        var fromOther = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync($"/api/v1/systems/{other.Id}/iterations/{firstId}", Ct);
        var closed = await CloseAsync(p, firstId, []);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(6, (await defaultCadence.JsonAsync())["weeks"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, cadenceByLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cadence.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleCadence.StatusCode);
        // The second follows on from the first's end at the new cadence of two weeks.
        var next = await second.JsonAsync();
        Assert.Equal("Iteration 2", next["name"]!.GetValue<string>());
        Assert.Equal("2026-02-16", next["startsOn"]!.GetValue<string>());
        Assert.Equal("2026-03-01", next["endsOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, closedByLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("Open the falls clinic", (await read.JsonAsync())["objective"]!.GetValue<string>());
        Assert.Equal(["Iteration 2", "Iteration 1"], (await list.JsonAsync()).AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, fromOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.NotNull((await closed.JsonAsync())["closedAtUtc"]);
    }

    [Fact]
    public async Task Closing_CarriesTheChosenItems_ReturnsTheRestToTheBacklog_AndKeepsWhatTheyWere()
    {
        var p = await ProgrammeAsync();
        var (iterationId, _) = await StartAsync(p);
        var done = await PlannedItemAsync(p, iterationId, "Falls clinic pathway");
        var doing = await PlannedItemAsync(p, iterationId, "Strength and balance classes");
        var blocked = await PlannedItemAsync(p, iterationId, "Home hazard checks", byTrust: false);
        var notPlanned = await p.Trust.PostAsJsonAsync($"{p.Url}/work-items", new { title = "Trust's own", workstreamId = p.WorkstreamId, ownerOrganisationId = p.System.TrustId }, Ct);
        var plannedByCouncil = await p.Council.PutJsonAsync($"{p.Url}/work-items/{(await notPlanned.JsonAsync())["item"]!["id"]}/iteration", new { iterationId },
            notPlanned.Headers.ETag!.ToString());
        await MoveAsync(p, done, new { status = "Done" });
        await MoveAsync(p, doing, new { status = "Doing" });
        await MoveAsync(p, blocked, new { status = "Blocked", blockedReason = "Waiting for occupational therapists", blockedOnOrganisationId = p.System.TrustId }, byTrust: false);

        var carryingDone = await CloseAsync(p, iterationId, [done]);
        var closed = await CloseAsync(p, iterationId, [doing]);
        var again = await CloseAsync(p, iterationId, []);
        // Changed after closing: the closed iteration still shows it as it was.
        var etag = (await p.Council.GetAsync($"{p.Url}/work-items/{blocked}", Ct)).Headers.ETag!.ToString();
        var renamed = await p.Council.PutJsonAsync($"{p.Url}/work-items/{blocked}",
            new { title = "Home hazard checks by phone", workstreamId = p.WorkstreamId, ownerOrganisationId = p.System.CouncilId }, etag);
        await MoveAsync(p, doing, new { status = "Done" });
        var items = await p.Convenor.GetAsync($"{p.Url}/iterations/{iterationId}/items", Ct);
        var csv = await (await ApiClient.ForAsync(App, p.System.Viewer)).GetAsync($"{p.Url}/iterations/{iterationId}/items.csv", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, plannedByCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, carryingDone.StatusCode);
        Assert.Equal("Select only unfinished items of this iteration to carry", (await carryingDone.JsonAsync())["errors"]!["CarryItemIds"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await using (var scope = App.Database(p.System.Id))
        {
            var next = await scope.Db.Iterations.SingleAsync(i => i.Number == 2, Ct);
            Assert.Equal(new DateOnly(2026, 2, 16), next.StartsOn);
            var planned = await scope.Db.WorkItems.ToDictionaryAsync(i => i.Id, i => i.IterationId, Ct);
            Assert.Equal(iterationId, planned[done]);
            Assert.Equal(next.Id, planned[doing]);
            Assert.Null(planned[blocked]);
        }
        var kept = (await items.JsonAsync()).AsArray().ToDictionary(i => i!["workItemId"]!.GetValue<Guid>());
        Assert.Equal(3, kept.Count);
        Assert.Equal(("Done", "Done"), (kept[done]!["status"]!.GetValue<string>(), kept[done]!["outcome"]!.GetValue<string>()));
        Assert.Equal(("Doing", "Carried"), (kept[doing]!["status"]!.GetValue<string>(), kept[doing]!["outcome"]!.GetValue<string>()));
        Assert.Equal(("Home hazard checks", "Blocked", "ReturnedToBacklog", "Westford Council"), (kept[blocked]!["title"]!.GetValue<string>(),
            kept[blocked]!["status"]!.GetValue<string>(), kept[blocked]!["outcome"]!.GetValue<string>(), kept[blocked]!["ownerOrganisation"]!.GetValue<string>()));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,workstream,owner,status,blocked_because,outcome,why_it_slipped", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.EndsWith(",Home hazard checks,Frailty at home,Westford Council,Blocked,Waiting for occupational therapists,Returned to the backlog,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",Strength and balance classes,Frailty at home,Westford Hospitals NHS Trust,Doing,,Carried into the next iteration,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_ReadsEachMeasureAtTheStartAndTheEnd_AndSaysWhatWasDeliveredAndWhatSlipped()
    {
        var p = await ProgrammeAsync();
        Guid moving, still;
        await using (var scope = App.Database(p.System.Id))
        {
            Measure Add(string name, double[] values, DateOnly first)
            {
                var measure = new Measure
                {
                    SystemId = p.System.Id, Name = name, Definition = name, Unit = "%", Frequency = MeasureFrequency.Monthly, Improvement = ImprovementDirection.Increase,
                    OwnerOrganisationId = p.System.TrustId, CreatedAtUtc = DateTime.UtcNow,
                };
                scope.Db.Measures.Add(measure);
                scope.Db.GoalMeasures.Add(new GoalMeasure { SystemId = p.System.Id, GoalId = p.GoalId, MeasureId = measure.Id });
                scope.Db.Observations.AddRange(values.Select((v, i) => new Observation
                {
                    SystemId = p.System.Id, MeasureId = measure.Id, PeriodStart = first.AddMonths(i), Value = v, RecordedAtUtc = DateTime.UtcNow, RecordedByName = "Test",
                }));
                return measure;
            }
            // Thirteen steady months up to January 2026, then February 2026 far above the limits.
            moving = Add("Strength class attendance", [80, 81, 79, 80, 82, 81, 80, 79, 81, 80, 82, 81, 80, 120], new DateOnly(2025, 1, 1)).Id;
            // Every period began before the iteration, so nothing moves.
            still = Add("Falls admissions", [50, 52, 49, 51, 50, 52, 49, 51, 50, 52, 49, 51], new DateOnly(2024, 12, 1)).Id;
            await scope.Db.SaveChangesAsync(Ct);
        }
        var (iterationId, etag) = await StartAsync(p);
        var done = await PlannedItemAsync(p, iterationId, "Falls clinic pathway");
        var councilDone = await PlannedItemAsync(p, iterationId, "Home adaptations fast track", byTrust: false);
        var slipped = await PlannedItemAsync(p, iterationId, "Strength and balance classes");
        await MoveAsync(p, done, new { status = "Done" });
        await MoveAsync(p, councilDone, new { status = "Done" }, byTrust: false);
        await MoveAsync(p, slipped, new { status = "Blocked", blockedReason = "No hall booked", blockedOnOrganisationId = p.System.CouncilId });

        var noteByCouncil = await p.Council.PutJsonAsync($"{p.Url}/iterations/{iterationId}/slips/{slipped}", new { note = "Not ours to say" }, null);
        var note = await p.Trust.PutJsonAsync($"{p.Url}/iterations/{iterationId}/slips/{slipped}", new { note = "The hall we counted on closed for repairs" }, null);
        var heldByLead = await p.Trust.PutJsonAsync($"{p.Url}/iterations/{iterationId}/review", new { heldOn = "2026-02-16", notes = "Good" }, etag);
        var held = await p.Convenor.PutJsonAsync($"{p.Url}/iterations/{iterationId}/review", new { heldOn = "2026-02-16", notes = "Partners agreed to book halls early" }, etag);
        var stale = await p.Convenor.PutJsonAsync($"{p.Url}/iterations/{iterationId}/review", new { heldOn = "2026-02-17" }, etag);
        var review = await (await ApiClient.ForAsync(App, p.System.Viewer)).GetAsync($"{p.Url}/iterations/{iterationId}/review", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, noteByCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, heldByLead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var body = await review.JsonAsync();
        Assert.Equal("2026-02-16", body["iteration"]!["reviewHeldOn"]!.GetValue<string>());
        Assert.Equal([("Westford Council", "Home adaptations fast track"), ("Westford Hospitals NHS Trust", "Falls clinic pathway")],
            body["delivered"]!.AsArray().SelectMany(d => d!["items"]!.AsArray().Select(i => (d["organisation"]!.GetValue<string>(), i!["title"]!.GetValue<string>()))));
        var slip = Assert.Single(body["slipped"]!.AsArray())!;
        Assert.Equal(("Blocked", "No hall booked", "The hall we counted on closed for repairs"),
            (slip["status"]!.GetValue<string>(), slip["blockedReason"]!.GetValue<string>(), slip["whyItSlipped"]!.GetValue<string>()));
        var readings = body["measures"]!.AsArray().ToDictionary(m => m!["measureId"]!.GetValue<Guid>());
        Assert.Equal(2, readings.Count);
        // The readings are the measures list's own analysis of the series cut at each date.
        await using (var scope = App.Database(p.System.Id))
        {
            var service = scope.Get<MeasureService>();
            var atStart = (await service.ReadingsOnAsync([moving], Start, Ct))[moving];
            var atEnd = (await service.ReadingsOnAsync([moving], End, Ct))[moving];
            Assert.Equal(atStart.Variation.ToString(), readings[moving]!["atStart"]!["variation"]!.GetValue<string>());
            Assert.Equal(atEnd.Variation.ToString(), readings[moving]!["atEnd"]!["variation"]!.GetValue<string>());
        }
        Assert.Equal(("CommonCause", 13), (readings[moving]!["atStart"]!["variation"]!.GetValue<string>(), readings[moving]!["atStart"]!["points"]!.GetValue<int>()));
        Assert.Equal(("ImprovementHigh", 14), (readings[moving]!["atEnd"]!["variation"]!.GetValue<string>(), readings[moving]!["atEnd"]!["points"]!.GetValue<int>()));
        Assert.True(readings[moving]!["moved"]!.GetValue<bool>());
        Assert.Equal(readings[still]!["atStart"]!.ToJsonString(), readings[still]!["atEnd"]!.ToJsonString());
        Assert.False(readings[still]!["moved"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Retrospective_EachPartnerAnswersForItself_ActionsBecomeWorkItems_AndWaitingComesAndGoes()
    {
        var p = await ProgrammeAsync();
        var (iterationId, _) = await StartAsync(p);
        // The trust owns the item and the council contributes, so both take part.
        await PlannedItemAsync(p, iterationId, "Falls clinic pathway", contributors: [p.System.CouncilId]);
        var retro = $"{p.Url}/iterations/{iterationId}/retrospective";
        var beforeClosing = await p.Trust.PutJsonAsync($"{retro}/answers/{p.System.TrustId}", new { wentWell = "Early" }, null);
        Assert.Empty(await WaitingForAsync(p.System, p.System.TrustLead));
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(p, iterationId, [])).StatusCode);
        Assert.Equal(["Answer Westford Hospitals NHS Trust's retrospective of Iteration 1"], (await WaitingForAsync(p.System, p.System.TrustLead)).Select(w => w.Text));

        var forAnother = await p.Council.PutJsonAsync($"{retro}/answers/{p.System.TrustId}", new { wentWell = "They did well" }, null);
        var trustAnswer = await p.Trust.PutJsonAsync($"{retro}/answers/{p.System.TrustId}", new
        {
            wentWell = "Clinic opened on time", toChange = "Book rooms earlier", learnedAboutPartners = "The council's budget year locks spending in February",
        }, null);
        var councilAnswer = await (await ApiClient.ForAsync(App, p.System.CouncilContributor)).PutJsonAsync($"{retro}/answers/{p.System.CouncilId}",
            new { wentWell = "Joint visits worked" }, null);
        var overwrite = await p.Trust.PutJsonAsync($"{retro}/answers/{p.System.TrustId}", new { wentWell = "Overwritten" }, null);
        var changed = await p.Trust.PutJsonAsync($"{retro}/answers/{p.System.TrustId}", new { wentWell = "Clinic opened on time and full" },
            trustAnswer.Headers.ETag!.ToString());
        var icb = await p.Convenor.PutJsonAsync($"{retro}/answers/{p.System.IcbId}", new { wentWell = "Not ours" }, null);
        var actionByLead = await p.Trust.PostAsJsonAsync($"{retro}/actions", new { title = "Shared room booking", ownerOrganisationId = p.System.CouncilId, workstreamId = p.WorkstreamId }, Ct);
        var action = await p.Convenor.PostAsJsonAsync($"{retro}/actions", new { title = "Shared room booking", ownerOrganisationId = p.System.CouncilId, workstreamId = p.WorkstreamId }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, beforeClosing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trustAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, councilAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, icb.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, actionByLead.StatusCode);
        Assert.Equal(HttpStatusCode.Created, action.StatusCode);
        var actionItemId = (await action.JsonAsync())["id"]!.GetValue<Guid>();
        var actionItem = await (await p.Convenor.GetAsync(action.Headers.Location, Ct)).JsonAsync();
        Assert.Equal(("Shared room booking", "Backlog", "Westford Council"), (actionItem["item"]!["title"]!.GetValue<string>(),
            actionItem["item"]!["status"]!.GetValue<string>(), actionItem["item"]!["ownerOrganisation"]!.GetValue<string>()));

        var answers = (await (await p.Convenor.GetAsync(retro, Ct)).JsonAsync())["answers"]!.AsArray();
        Assert.Equal([("Westford Council", "Joint visits worked"), ("Westford Hospitals NHS Trust", "Clinic opened on time and full")],
            answers.Select(a => (a!["organisation"]!.GetValue<string>(), a["wentWell"]!.GetValue<string>())));
        Assert.Empty(await WaitingForAsync(p.System, p.System.TrustLead));
        Assert.Equal(["Carry out Shared room booking"], (await WaitingForAsync(p.System, p.System.CouncilLead)).Select(w => w.Text));

        // The next retrospective lists the action until its item is done; closing the retrospective stops answers.
        var (secondId, _) = await StartAsync(p, new { });
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(p, secondId, [])).StatusCode);
        var open = (await (await p.Convenor.GetAsync($"{p.Url}/iterations/{secondId}/retrospective", Ct)).JsonAsync())["openFromEarlier"]!.AsArray();
        Assert.Equal([actionItemId], open.Select(a => a!["id"]!.GetValue<Guid>()));
        await MoveAsync(p, actionItemId, new { status = "Done" }, byTrust: false);
        Assert.Empty((await (await p.Convenor.GetAsync($"{p.Url}/iterations/{secondId}/retrospective", Ct)).JsonAsync())["openFromEarlier"]!.AsArray());
        Assert.Empty(await WaitingForAsync(p.System, p.System.CouncilLead));

        var etag = (await p.Convenor.GetAsync($"{p.Url}/iterations/{iterationId}", Ct)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(p.Convenor, $"{retro}/closure", new { }, etag)).StatusCode);
        var afterClosing = await p.Council.PutJsonAsync($"{retro}/answers/{p.System.CouncilId}", new { wentWell = "Late" }, councilAnswer.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, afterClosing.StatusCode);
        Assert.Equal("The retrospective is closed", (await afterClosing.JsonAsync())["errors"]!["Iteration"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Retrospective_WaitsOnAnOrganisationThatHasNotAnswered_UntilItDoesOrTheRetrospectiveCloses()
    {
        var p = await ProgrammeAsync();
        var (iterationId, _) = await StartAsync(p);
        await PlannedItemAsync(p, iterationId, "Home adaptations fast track", byTrust: false);
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(p, iterationId, [])).StatusCode);
        var waiting = Assert.Single(await WaitingForAsync(p.System, p.System.CouncilContributor));
        Assert.Equal((WaitingKind.RetrospectiveAnswer, $"work/iterations/{iterationId}/retrospective"), (waiting.Kind, waiting.Path));
        // The trust had no work in the iteration, so nothing waits on it.
        Assert.Empty(await WaitingForAsync(p.System, p.System.TrustLead));

        var etag = (await p.Convenor.GetAsync($"{p.Url}/iterations/{iterationId}", Ct)).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(p.Convenor, $"{p.Url}/iterations/{iterationId}/retrospective/closure", new { }, etag)).StatusCode);

        Assert.Empty(await WaitingForAsync(p.System, p.System.CouncilContributor));
    }

    [Fact]
    public async Task HealthCheck_FailsAClosedIterationWithoutAReviewOrARetrospective_AndPassesOnceBothAreDone()
    {
        var p = await ProgrammeAsync();
        var (iterationId, _) = await StartAsync(p);
        await PlannedItemAsync(p, iterationId, "Falls clinic pathway");
        async Task<string[]> FindingsAsync() => [.. (await (await p.Convenor.GetAsync($"{p.Url}/strategy/health-check", Ct)).JsonAsync())["systemFindings"]!.AsArray()
            .Where(f => f!["check"]!.GetValue<string>() == IterationCheck.NotReviewed).Select(f => f!["fixPath"]!.GetValue<string>())];

        var whileOpen = await FindingsAsync();
        var closed = await CloseAsync(p, iterationId, []);
        var afterClosing = await FindingsAsync();
        var held = await p.Convenor.PutJsonAsync($"{p.Url}/iterations/{iterationId}/review", new { heldOn = "2026-02-16" }, closed.Headers.ETag!.ToString());
        var afterReview = await FindingsAsync();
        var answered = await p.Trust.PutJsonAsync($"{p.Url}/iterations/{iterationId}/retrospective/answers/{p.System.TrustId}", new { toChange = "Start sooner" }, null);
        var afterAnswer = await FindingsAsync();

        Assert.Empty(whileOpen);
        Assert.Equal([$"/work/iterations/{iterationId}/review", $"/work/iterations/{iterationId}/retrospective"], afterClosing);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal([$"/work/iterations/{iterationId}/retrospective"], afterReview);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Empty(afterAnswer);
    }

    [Fact]
    public async Task Board_FiltersByIteration()
    {
        var p = await ProgrammeAsync();
        var (iterationId, _) = await StartAsync(p);
        await PlannedItemAsync(p, iterationId, "Falls clinic pathway");
        Assert.Equal(HttpStatusCode.Created, (await p.Trust.PostAsJsonAsync($"{p.Url}/work-items",
            new { title = "In the backlog", workstreamId = p.WorkstreamId, ownerOrganisationId = p.System.TrustId }, Ct)).StatusCode);

        var api = await (await p.Trust.GetAsync($"{p.Url}/work-items?iterationId={iterationId}", Ct)).JsonAsync();
        var board = await (await PageClient.SignedInAsync(App, p.System.Viewer)).GetAsync($"/systems/{p.System.Id}/work?iterationId={iterationId}");

        Assert.Equal(["Falls clinic pathway"], api.AsArray().Select(i => i!["title"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, board.Status);
        Assert.Contains("Falls clinic pathway", board.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("In the backlog", board.Document.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class IterationsApiSqliteTests(SqliteApp app) : IterationsApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class IterationsApiPostgresTests(PostgresApp app) : IterationsApiTests(app, DatabaseKind.Postgres);
