using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;
using Concordat.Core.Pdsa;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Waiting;
using Concordat.Core.WorkProgramme;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Pdsa;

/// <summary>
/// PDSA cycles through the API and pages on each database: who may record what, the stages in order, ramps, the cycles
/// marked on a measure's chart and data table, CSV, "ready to study" waiting on the owner's people, and the work
/// programme's health findings.
/// </summary>
public abstract class PdsaApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private const string Discharge = "Discharge by noon";

    /// <summary>An agreed goal with two change ideas, straight into the database: the cycles are what is tested here.</summary>
    private async Task<(Guid GoalId, Guid IdeaId, Guid OtherIdeaId)> SeedAsync(TestSystem system)
    {
        await using var scope = App.Database(system.Id);
        var goal = new Goal
        {
            SystemId = system.Id, Title = "Home for lunch", OutcomeStatement = "People leave hospital the day they are ready", Population = "Adults in hospital",
            WholeSystem = true, Horizon = new DateOnly(2028, 3, 31), LeadOrganisationId = system.TrustId, SeniorResponsibleOwner = "Chief Operating Officer",
            Status = GoalStatus.Agreed, CreatedAtUtc = DateTime.UtcNow,
        };
        var idea = new ChangeIdea { SystemId = system.Id, GoalId = goal.Id, Title = "Criteria-led discharge", CreatedAtUtc = DateTime.UtcNow };
        var other = new ChangeIdea { SystemId = system.Id, GoalId = goal.Id, Title = "Trusted assessors", CreatedAtUtc = DateTime.UtcNow };
        scope.Db.Goals.Add(goal);
        scope.Db.ChangeIdeas.AddRange(idea, other);
        await scope.Db.SaveChangesAsync(Ct);
        return (goal.Id, idea.Id, other.Id);
    }

    /// <summary>A monthly measure owned by the trust with values for every month of 2025.</summary>
    private async Task<Guid> MeasureAsync(TestSystem system)
    {
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var created = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Discharges before noon", definition = "Share of discharges before noon", unit = "discharges", format = "Count", frequency = "Monthly",
            improvement = "Increase", ownerOrganisationId = system.TrustId,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        var csv = "period,value\n" + string.Concat(Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture, $"{new DateOnly(2025, 1, 1).AddMonths(i):yyyy-MM-dd},{40 + (i % 3)}\n")));
        var imported = await lead.PostAsync($"{url}/imports", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        return Guid.Parse(url.Split('/')[^1]);
    }

    private static object Plan(TestSystem system, Guid ideaId, Guid? measureId, string starts = "2025-03-10", string ends = "2025-04-20", string? prediction = "Half of discharges before noon",
        string title = Discharge) => new
    {
        changeIdeaId = ideaId, title, objective = "Test criteria-led discharge on one ward", question = "Will nurses discharge before noon?", prediction,
        ownerOrganisationId = system.TrustId, ownerPersonId = system.TrustLead.Id, where = "Ward 7", startsOn = starts, endsOn = ends, measureId,
        organisationIds = new[] { system.CouncilId },
    };

    private async Task<(Guid Id, string ETag)> PlanAsync(TestSystem system, object body)
    {
        var response = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"/api/v1/systems/{system.Id}/pdsa-cycles", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.JsonAsync())["cycle"]!["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString());
    }

    private static async Task<HttpResponseMessage> StageAsync(HttpClient client, TestSystem system, Guid id, string stage, object body, string? etag) =>
        await client.PutJsonAsync($"/api/v1/systems/{system.Id}/pdsa-cycles/{id}/{stage}", body, etag);

    /// <summary>Do, Study and Act in turn by the trust's lead, answering the last ETag.</summary>
    private async Task<string> CompleteAsync(TestSystem system, Guid id, string etag, string decision = "Adapt")
    {
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        foreach (var (stage, body) in new (string, object)[]
        {
            ("do", new { whatHappened = "Ward 7 ran it for six weeks" }), ("study", new { result = "A third before noon, not half" }), ("act", new { decision, notes = "Add a pharmacy slot" }),
        })
        {
            var response = await StageAsync(trust, system, id, stage, body, etag);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
            etag = response.Headers.ETag!.ToString();
        }
        return etag;
    }

    [Fact]
    public async Task OnlyTheOwnersPeopleAndConvenorsChange_PartnersAndViewersRead_AnotherSystemSeesNothing()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var url = $"/api/v1/systems/{system.Id}/pdsa-cycles";
        var council = await ApiClient.ForAsync(App, system.CouncilLead);

        var forTheTrust = await council.PostAsJsonAsync(url, Plan(system, ideaId, null), Ct);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PostAsJsonAsync(url, Plan(system, ideaId, null), Ct);
        var (id, etag) = await PlanAsync(system, Plan(system, ideaId, null));
        var doneByCouncil = await StageAsync(council, system, id, "do", new { whatHappened = "We ran it" }, etag);
        var doneByViewer = await StageAsync(await ApiClient.ForAsync(App, system.Viewer), system, id, "do", new { whatHappened = "We ran it" }, etag);
        var doneByConvenor = await StageAsync(await ApiClient.ForAsync(App, system.Convenor), system, id, "do", new { whatHappened = "Ward 7 ran it" }, etag);
        var stale = await StageAsync(await ApiClient.ForAsync(App, system.TrustLead), system, id, "do", new { whatHappened = "Ward 7 ran it for a week" }, etag);
        var withoutIfMatch = await StageAsync(await ApiClient.ForAsync(App, system.TrustLead), system, id, "do", new { whatHappened = "Ward 7 ran it for a week" }, null);
        var readByViewer = await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"{url}/{id}", Ct);
        var readByCouncil = await council.GetAsync($"{url}/{id}", Ct);
        var fromAnotherSystem = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync($"/api/v1/systems/{other.Id}/pdsa-cycles/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, forTheTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, doneByCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, doneByViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, doneByConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readByCouncil.StatusCode);
        var read = await readByViewer.JsonAsync();
        Assert.Equal(("PDSA 1: Discharge by noon", "Done", "Ward 7 ran it"),
            (read["cycle"]!["label"]!.GetValue<string>(), read["cycle"]!["stage"]!.GetValue<string>(), read["whatHappened"]!.GetValue<string>()));
        Assert.Equal(["Westford Council"], read["organisations"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, fromAnotherSystem.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal(["PdsaCyclePlanned", "PdsaDoRecorded"], await scope.Db.AuditEvents.Where(e => e.EntityId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task ThePlan_IsValidatedFieldByField_AndOnlyAConvenorHandsTheTestToAnotherOrganisation()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);

        var bad = await trust.PostAsJsonAsync($"/api/v1/systems/{system.Id}/pdsa-cycles",
            new { changeIdeaId = ideaId, title = " ", ownerOrganisationId = system.TrustId, startsOn = "2025-05-01", endsOn = "2025-04-01", measureId = Guid.NewGuid() }, Ct);
        var (id, etag) = await PlanAsync(system, Plan(system, ideaId, null));
        var handOver = await trust.PutJsonAsync($"/api/v1/systems/{system.Id}/pdsa-cycles/{id}/plan",
            new { title = Discharge, objective = "Test it", ownerOrganisationId = system.CouncilId, startsOn = "2025-03-10", endsOn = "2025-04-20" }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["EndsOn", "MeasureId", "Objective", "Title"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("The test must end on or after the day it starts", errors["EndsOn"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, handOver.StatusCode);
        Assert.Equal("Only a convenor can hand the test to another organisation", (await handOver.JsonAsync())["errors"]!["OwnerOrganisationId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Stages_AreRecordedInOrder_NotesBeforeTheStudyAreKept_TheDecisionNeedsTheStudy()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var (id, etag) = await PlanAsync(system, Plan(system, ideaId, null));

        var studyFirst = await StageAsync(trust, system, id, "study", new { result = "Better" }, etag);
        var decideFirst = await StageAsync(trust, system, id, "act", new { decision = "Adopt" }, etag);
        var notesFirst = await StageAsync(trust, system, id, "act", new { notes = "Ask pharmacy early" }, etag);
        etag = notesFirst.Headers.ETag!.ToString();
        var done = await StageAsync(trust, system, id, "do", new { whatHappened = "Ward 7 ran it", surprises = "Porters were the bottleneck" }, etag);
        var decideBeforeStudy = await StageAsync(trust, system, id, "act", new { decision = "Adopt", notes = "Ask pharmacy early" }, done.Headers.ETag!.ToString());
        var studied = await StageAsync(trust, system, id, "study", new { result = "A third before noon, not half" }, done.Headers.ETag!.ToString());
        var decided = await StageAsync(trust, system, id, "act", new { decision = "ScaleUp", notes = "Ask pharmacy early" }, studied.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, studyFirst.StatusCode);
        Assert.Equal("Record what happened (Do) before studying the result", (await studyFirst.JsonAsync())["errors"]!["Result"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, decideFirst.StatusCode);
        Assert.StartsWith("Study the result before deciding", (await decideFirst.JsonAsync())["errors"]!["Decision"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, notesFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, decideBeforeStudy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, studied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var body = await decided.JsonAsync();
        Assert.Equal(("Decided", "ScaleUp", "Porters were the bottleneck"),
            (body["cycle"]!["stage"]!.GetValue<string>(), body["cycle"]!["decision"]!.GetValue<string>(), body["surprises"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Ramp_PlansTheNextCycleLinkedToTheDecidedOne_OnceOnly_AndTheIdeaListsItsRampInOrder()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var measureId = await MeasureAsync(system);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var url = $"/api/v1/systems/{system.Id}/pdsa-cycles";
        var (first, etag) = await PlanAsync(system, Plan(system, ideaId, measureId));

        var tooSoon = await trust.PostAsync($"{url}/{first}/ramp", null, Ct);
        await CompleteAsync(system, first, etag);
        var byCouncil = await (await ApiClient.ForAsync(App, system.CouncilLead)).PostAsync($"{url}/{first}/ramp", null, Ct);
        var ramped = await trust.PostAsync($"{url}/{first}/ramp", null, Ct);
        var again = await trust.PostAsync($"{url}/{first}/ramp", null, Ct);
        var list = await trust.GetAsync($"{url}?changeIdeaId={ideaId}", Ct);
        var firstNow = await (await trust.GetAsync($"{url}/{first}", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, tooSoon.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ramped.StatusCode);
        var next = await ramped.JsonAsync();
        Assert.Equal(ramped.Headers.Location!.ToString().Split('/')[^1], next["cycle"]!["id"]!.GetValue<string>());
        Assert.Equal((2, first, first, measureId, "Test criteria-led discharge on one ward", "2025-04-21", "2025-06-01"),
            (next["cycle"]!["number"]!.GetValue<int>(), next["cycle"]!["previousCycleId"]!.GetValue<Guid>(), next["cycle"]!["rampId"]!.GetValue<Guid>(),
                next["cycle"]!["measureId"]!.GetValue<Guid>(), next["objective"]!.GetValue<string>(), next["cycle"]!["startsOn"]!.GetValue<string>(),
                next["cycle"]!["endsOn"]!.GetValue<string>()));
        Assert.Null(next["prediction"]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["PDSA 1: Discharge by noon", "PDSA 2: Discharge by noon"], (await list.JsonAsync()).AsArray().Select(c => c!["label"]!.GetValue<string>()));
        Assert.Equal(next["cycle"]!["id"]!.GetValue<Guid>(), firstNow["nextCycleId"]!.GetValue<Guid>());

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/pdsa/ideas/{ideaId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["PDSA 1: Discharge by noon", "PDSA 2: Discharge by noon"], page.Document.QuerySelectorAll($"#ramp-{first} li a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task AnAbandonedCycle_IsNotRampedOn()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var (id, etag) = await PlanAsync(system, Plan(system, ideaId, null));
        await CompleteAsync(system, id, etag, "Abandon");

        var ramped = await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsync($"/api/v1/systems/{system.Id}/pdsa-cycles/{id}/ramp", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, ramped.StatusCode);
        Assert.Equal("The idea was abandoned: plan a new test instead of ramping this one on", (await ramped.JsonAsync())["errors"]!["Decision"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task TheMeasuresChart_ShadesAndNamesEachCycleOverItsPeriods_FromAnyIdea_AndTheDataTableSaysWhichCycleCoversEachPeriod()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, otherIdeaId) = await SeedAsync(system);
        var measureId = await MeasureAsync(system);
        await PlanAsync(system, Plan(system, ideaId, measureId));
        await PlanAsync(system, Plan(system, otherIdeaId, measureId, "2025-09-01", "2025-09-30", title: "Assessors at the front door"));
        await PlanAsync(system, Plan(system, otherIdeaId, null, "2025-06-01", "2025-06-30", title: "Not on this measure"));

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/measures/{measureId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var chart = page.Document.QuerySelector(".concordat-chart__wide svg")!;
        Assert.Equal(["PDSA 1: Discharge by noon", "PDSA 1: Assessors at the front door"],
            chart.QuerySelectorAll(".spc-annotation > text").Select(t => t.TextContent));
        Assert.Equal(2, chart.QuerySelectorAll(".spc-annotation rect").Length);
        Assert.Contains("Shaded spans mark PDSA 1: Discharge by noon (Mar 2025 to Apr 2025); PDSA 1: Assessors at the front door (Sep 2025)", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Not on this measure", page.Html, StringComparison.Ordinal);
        var header = page.Document.QuerySelectorAll("#data thead th").Select(h => h.TextContent.Trim()).ToList();
        var column = header.IndexOf("PDSA cycle");
        Assert.True(column > 0, string.Join(", ", header));
        // Each cell repeats its column's heading for narrow screens; the value follows it.
        string Cell(AngleSharp.Dom.IElement row, int i) => row.Children[i].TextContent.Trim().Replace(header[i], "", StringComparison.Ordinal).Trim();
        var byPeriod = page.Document.QuerySelectorAll("#data tbody tr").ToDictionary(r => Cell(r, 0), r => Cell(r, column));
        Assert.Equal("", byPeriod["February 2025"]);
        Assert.Equal("PDSA 1: Discharge by noon", byPeriod["March 2025"]);
        Assert.Equal("PDSA 1: Discharge by noon", byPeriod["April 2025"]);
        Assert.Equal("", byPeriod["May 2025"]);
        Assert.Equal("PDSA 1: Assessors at the front door", byPeriod["September 2025"]);
    }

    [Fact]
    public async Task TheSystemsCycles_DownloadAsCsv_WithEveryStage()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var (id, etag) = await PlanAsync(system, Plan(system, ideaId, null));
        await CompleteAsync(system, id, etag);

        var csv = await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"/api/v1/systems/{system.Id}/pdsa-cycles.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,change_idea,ramp,cycle,title,owner,person,starts,ends,measure,objective,question,prediction,stage,what_happened,observations,surprises,result,decision,act_notes,previous_cycle", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{id},Criteria-led discharge,{id},1,Discharge by noon,Westford Hospitals NHS Trust,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2025-03-10,2025-04-20,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Decided,Ward 7 ran it for six weeks,,,\"A third before noon, not half\",Adapt,Add a pharmacy slot,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadyToStudy_WaitsOnTheOwnersPeople_OnceTheTestHasEnded_UntilItIsStudied()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, _) = await SeedAsync(system);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (ended, etag) = await PlanAsync(system, Plan(system, ideaId, null, today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await PlanAsync(system, Plan(system, ideaId, null, today.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), title: "Still running"));
        async Task<IReadOnlyList<WaitingItem>> WaitingAsync(TestPerson person)
        {
            await using var scope = App.Database(system.Id);
            var actor = (await Actor.LoadAsync(scope.Db, person.Id, system.Id, today, Ct))!;
            return await new PdsaService(scope.Db, TimeProvider.System).WaitingForAsync(actor, Ct);
        }

        var trustBefore = await WaitingAsync(system.TrustLead);
        var councilBefore = await WaitingAsync(system.CouncilLead);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var done = await StageAsync(trust, system, ended, "do", new { whatHappened = "Ward 7 ran it" }, etag);
        var trustAfterDo = await WaitingAsync(system.TrustLead);
        await StageAsync(trust, system, ended, "study", new { result = "A third before noon" }, done.Headers.ETag!.ToString());
        var trustAfterStudy = await WaitingAsync(system.TrustLead);

        var item = Assert.Single(trustBefore);
        Assert.Equal((WaitingKind.PdsaReadyToStudy, "Study PDSA 1: Discharge by noon", today.AddDays(-10), $"pdsa/{ended}/study"), (item.Kind, item.Text, item.By, item.Path));
        Assert.StartsWith("Westford Hospitals NHS Trust's test of Criteria-led discharge ended on ", item.Detail, StringComparison.Ordinal);
        Assert.Empty(councilBefore);
        Assert.Single(trustAfterDo);
        Assert.Empty(trustAfterStudy);
    }

    [Fact]
    public async Task HealthFindings_ACycleWithoutPredictionOrMeasure_AndAnIdeaNobodyWorksOn_FailUntilMended()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId, otherIdeaId) = await SeedAsync(system);
        var measureId = await MeasureAsync(system);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        async Task<List<(string Check, string Subject)>> FindingsAsync() =>
            [.. (await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/strategy/health-check", Ct)).JsonAsync())["systemFindings"]!.AsArray()
                .Select(f => (f!["check"]!.GetValue<string>(), f["subject"]!.GetValue<string>()))
                .Where(f => f.Item1 is WorkProgrammeChecks.CycleWithoutPredictionOrMeasure or WorkProgrammeChecks.IdeaNobodyWorksOn)];

        var bare = await FindingsAsync();
        var (cycle, etag) = await PlanAsync(system, Plan(system, ideaId, null, prediction: null));
        var untested = await FindingsAsync();
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var mended = await trust.PutJsonAsync($"/api/v1/systems/{system.Id}/pdsa-cycles/{cycle}/plan", Plan(system, ideaId, measureId), etag);
        Assert.Equal(HttpStatusCode.OK, mended.StatusCode);
        await using (var scope = App.Database(system.Id))
        {
            var stream = new Workstream { SystemId = system.Id, Name = "Home first", Purpose = "Home the day people are ready", LeadOrganisationId = system.TrustId, CreatedAtUtc = DateTime.UtcNow };
            var item = new WorkItem { SystemId = system.Id, WorkstreamId = stream.Id, Title = "Assessor rota", OwnerOrganisationId = system.TrustId, CreatedAtUtc = DateTime.UtcNow, StatusSinceUtc = DateTime.UtcNow };
            item.ChangeIdeas.Add(new WorkItemChangeIdea { SystemId = system.Id, WorkItemId = item.Id, ChangeIdeaId = otherIdeaId });
            scope.Db.Workstreams.Add(stream);
            scope.Db.WorkItems.Add(item);
            await scope.Db.SaveChangesAsync(Ct);
        }
        var after = await FindingsAsync();

        Assert.Equal([(WorkProgrammeChecks.IdeaNobodyWorksOn, "Criteria-led discharge"), (WorkProgrammeChecks.IdeaNobodyWorksOn, "Trusted assessors")], bare.Order());
        Assert.Equal([(WorkProgrammeChecks.IdeaNobodyWorksOn, "Trusted assessors"), (WorkProgrammeChecks.CycleWithoutPredictionOrMeasure, "PDSA 1: Discharge by noon")],
            untested.OrderBy(f => f.Check, StringComparer.Ordinal));
        Assert.Empty(after);
    }
}

public sealed class PdsaApiSqliteTests(SqliteApp app) : PdsaApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PdsaApiPostgresTests(PostgresApp app) : PdsaApiTests(app, DatabaseKind.Postgres);
