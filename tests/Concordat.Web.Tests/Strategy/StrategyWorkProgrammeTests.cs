using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concordat.Core.Goals;
using Concordat.Core.Measures;
using Concordat.Core.Raid;
using Concordat.Core.Strategy;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Concordat.Spc;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Strategy;

/// <summary>
/// The work programme in the generated strategy: the last closed iteration's review with its measures' real SPC readings,
/// the top risks of the RAID log in score order, published versions kept before either still rendering, and the
/// comparison of versions reporting what changed in the programme.
/// </summary>
public abstract class StrategyWorkProgrammeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly DateOnly Start = new(2026, 1, 5);
    private static readonly DateOnly End = new(2026, 2, 15);

    protected sealed record Programme(TestApp App, TestSystem System, Guid GoalId, Guid WorkstreamId, HttpClient Convenor, HttpClient Trust, HttpClient Council)
    {
        public string Url => $"/api/v1/systems/{System.Id}";
    }

    /// <summary>An agreed goal served by a workstream the trust leads with the council contributing.</summary>
    protected static async Task<Programme> ProgrammeAsync(TestApp app)
    {
        var system = await app.CreateSystemAsync();
        var goalId = await app.AgreedGoalAsync(system, Ct);
        var convenor = await ApiClient.ForAsync(app, system.Convenor);
        var programme = new Programme(app, system, goalId, Guid.Empty, convenor, await ApiClient.ForAsync(app, system.TrustLead), await ApiClient.ForAsync(app, system.CouncilLead));
        return programme with { WorkstreamId = await WorkstreamAsync(programme, "Frailty at home") };
    }

    protected static async Task<Guid> WorkstreamAsync(Programme p, string name)
    {
        var stream = await p.Convenor.PostAsJsonAsync($"{p.Url}/workstreams", new
        {
            name, purpose = "Keep frail people well at home", leadOrganisationId = p.System.TrustId, goalIds = new[] { p.GoalId }, contributorIds = new[] { p.System.CouncilId },
        }, Ct);
        Assert.True(stream.StatusCode == HttpStatusCode.Created, await stream.Content.ReadAsStringAsync(Ct));
        return (await stream.JsonAsync())["id"]!.GetValue<Guid>();
    }

    protected static async Task<Guid> StartAsync(Programme p, DateOnly startsOn, DateOnly endsOn, string objective)
    {
        var response = await p.Convenor.PostAsJsonAsync($"{p.Url}/iterations", new { startsOn, endsOn, objective }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>An item owned by the trust (or the council), planned into the iteration when one is given.</summary>
    protected static async Task<Guid> ItemAsync(Programme p, Guid? iterationId, string title, bool byTrust = true)
    {
        var client = byTrust ? p.Trust : p.Council;
        var created = await client.PostAsJsonAsync($"{p.Url}/work-items", new
        {
            title, workstreamId = p.WorkstreamId, ownerOrganisationId = byTrust ? p.System.TrustId : p.System.CouncilId,
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        var id = (await created.JsonAsync())["item"]!["id"]!.GetValue<Guid>();
        if (iterationId is { } planned)
        {
            var response = await client.PutJsonAsync($"{p.Url}/work-items/{id}/iteration", new { iterationId = planned }, created.Headers.ETag!.ToString());
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }
        return id;
    }

    protected static async Task MoveAsync(Programme p, Guid itemId, object move, bool byTrust = true)
    {
        var client = byTrust ? p.Trust : p.Council;
        var etag = (await client.GetAsync($"{p.Url}/work-items/{itemId}", Ct)).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{p.Url}/work-items/{itemId}/moves") { Content = JsonContent.Create(move) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var moved = await client.SendAsync(request, Ct);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));
    }

    protected static async Task CloseAsync(Programme p, Guid iterationId, Guid[] carry)
    {
        var etag = (await p.Convenor.GetAsync($"{p.Url}/iterations/{iterationId}", Ct)).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{p.Url}/iterations/{iterationId}/closure") { Content = JsonContent.Create(new { carryItemIds = carry }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var closed = await p.Convenor.SendAsync(request, Ct);
        Assert.True(closed.StatusCode == HttpStatusCode.OK, await closed.Content.ReadAsStringAsync(Ct));
    }

    protected static async Task PublishAsync(Programme p, string note)
    {
        var response = await p.Convenor.PostAsJsonAsync($"{p.Url}/strategy/versions", new { note }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A measure of the goal, monthly from <paramref name="first"/>, where higher is better.</summary>
    protected static async Task<Guid> MeasureAsync(Programme p, string name, double[] values, DateOnly first)
    {
        await using var scope = p.App.Database(p.System.Id);
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
        await scope.Db.SaveChangesAsync(Ct);
        return measure.Id;
    }

    protected static async Task<Guid> RiskAsync(Programme p, string text, (int L, int I)? inherent, (int L, int I)? residual = null, bool byCouncil = false,
        RaidStatus status = RaidStatus.Open, string? mitigation = null)
    {
        await using var scope = p.App.Database(p.System.Id);
        var risk = new RaidEntry
        {
            SystemId = p.System.Id, Kind = RaidKind.Risk, Text = text, Status = status, OwnerOrganisationId = byCouncil ? p.System.CouncilId : p.System.TrustId,
            Likelihood = inherent?.L, Impact = inherent?.I, ResidualLikelihood = residual?.L, ResidualImpact = residual?.I,
            Response = mitigation is null ? null : RiskResponse.Reduce, Mitigation = mitigation, CreatedAtUtc = DateTime.UtcNow,
        };
        scope.Db.RaidEntries.Add(risk);
        await scope.Db.SaveChangesAsync(Ct);
        return risk.Id;
    }

    /// <summary>A table row's cells as read, without the headings the responsive table repeats in each cell for narrow screens.</summary>
    private static List<string> Cells(AngleSharp.Dom.IElement row) =>
    [
        .. row.Children.Select(c => c.QuerySelector(".nhsuk-table__heading") is { } heading
            ? c.TextContent.Trim()[heading.TextContent.Trim().Length..].Trim()
            : c.TextContent.Trim()),
    ];

    [Fact]
    public async Task Document_ShowsTheLastClosedIterationsReview_WithItsMeasuresRealSpcReadings_OnPageMarkdownAndApi()
    {
        var p = await ProgrammeAsync(App);
        // Thirteen steady months up to January 2026, then February 2026 far above the limits: improvement within the iteration.
        var moving = await MeasureAsync(p, "Strength class attendance", [80, 81, 79, 80, 82, 81, 80, 79, 81, 80, 82, 81, 80, 120], new DateOnly(2025, 1, 1));
        var earlier = await StartAsync(p, new DateOnly(2025, 11, 24), new DateOnly(2026, 1, 4), "Find a hall");
        await ItemAsync(p, earlier, "Hall search");
        await CloseAsync(p, earlier, []);
        var iteration = await StartAsync(p, Start, End, "Open the falls clinic");
        var clinic = await ItemAsync(p, iteration, "Falls clinic pathway");
        var adaptations = await ItemAsync(p, iteration, "Home adaptations fast track", byTrust: false);
        var classes = await ItemAsync(p, iteration, "Strength and balance classes");
        await MoveAsync(p, clinic, new { status = "Done" });
        await MoveAsync(p, adaptations, new { status = "Done" }, byTrust: false);
        await MoveAsync(p, classes, new { status = "Blocked", blockedReason = "No hall booked", blockedOnOrganisationId = p.System.CouncilId });
        Assert.Equal(HttpStatusCode.OK, (await p.Trust.PutJsonAsync($"{p.Url}/iterations/{iteration}/slips/{classes}",
            new { note = "The hall we counted on closed for repairs" }, null)).StatusCode);
        // Carrying the blocked item opens the next iteration: the strategy still reviews the last one closed.
        await CloseAsync(p, iteration, [classes]);

        var viewer = await PageClient.SignedInAsync(App, p.System.Viewer);
        var page = await viewer.GetAsync($"/systems/{p.System.Id}/strategy");
        var markdown = await viewer.Http.GetStringAsync($"/systems/{p.System.Id}/strategy/markdown", Ct);
        var api = await (await (await ApiClient.ForAsync(App, p.System.Viewer)).GetAsync($"{p.Url}/strategy/document", Ct)).JsonAsync();

        await using var scope = App.Database(p.System.Id);
        var review = Assert.IsType<DocumentIterationReview>((await scope.Get<StrategyDocumentService>().BuildAsync(Ct)).LastReview);
        Assert.Equal(("Iteration 2", Start, End, "Open the falls clinic"), (review.Name, review.StartsOn, review.EndsOn, review.Objective));
        Assert.Equal(["Westford Council: 1 item (Home adaptations fast track)", "Westford Hospitals NHS Trust: 1 item (Falls clinic pathway)"],
            review.Delivered.Select(d => d.InWords()));
        var slipped = Assert.Single(review.Slipped);
        Assert.Equal(("Strength and balance classes", "Blocked", "No hall booked", "The hall we counted on closed for repairs"),
            (slipped.Title, slipped.Status, slipped.BlockedReason, slipped.Why));
        // The readings are the measures list's own analysis of the series cut at each date, as the iteration's review page shows them.
        var measures = scope.Get<MeasureService>();
        var atStart = (await measures.ReadingsOnAsync([moving], Start, Ct))[moving];
        var atEnd = (await measures.ReadingsOnAsync([moving], End, Ct))[moving];
        var movement = Assert.Single(review.Measures);
        Assert.Equal((DocumentMeasureMovement.Reading(atStart), DocumentMeasureMovement.Reading(atEnd), true), (movement.AtStart, movement.AtEnd, movement.Moved));
        Assert.Equal("80.0% (January 2026); Common cause variation; 13 periods", movement.AtStart);
        Assert.Equal("120.0% (February 2026); Special cause improvement (high values); 14 periods", movement.AtEnd);
        var pageReview = await scope.Get<IterationService>().ReviewAsync(iteration, Ct);
        Assert.Equal(pageReview.Delivered.SelectMany(d => d.Items.Select(i => i.Title)), review.Delivered.SelectMany(d => d.Titles));

        var section = page.Text("#last-review");
        Assert.Contains("Iteration 2, 5 January 2026 to 15 February 2026", section);
        Assert.Contains("Objective: Open the falls clinic.", section);
        Assert.Contains("2 items delivered by 2 organisations; 1 slipped.", section);
        Assert.Contains("Strength and balance classes (Westford Hospitals NHS Trust): blocked, no hall booked; carried into the next iteration. Why it slipped: The hall we counted on closed for repairs.", section);
        var row = Cells(page.Document.QuerySelectorAll("#last-review tbody tr").Single());
        Assert.Equal(["Strength class attendance", movement.AtStart, movement.AtEnd, "Moved"], row);
        Assert.Contains("### The last iteration's review", markdown, StringComparison.Ordinal);
        Assert.Contains("- Westford Council: 1 item (Home adaptations fast track)", markdown, StringComparison.Ordinal);
        Assert.Contains($"| Strength class attendance | {MarkdownText.Escape(movement.AtStart)} | {MarkdownText.Escape(movement.AtEnd)} | Moved |", markdown, StringComparison.Ordinal);
        Assert.Equal("Iteration 2", api["lastReview"]!["name"]!.GetValue<string>());
        Assert.Equal(movement.AtEnd, api["lastReview"]!["measures"]![0]!["atEnd"]!.GetValue<string>());
    }

    [Fact]
    public async Task TopRisks_AreTheFiveHighestOpenRisks_ByResidualScoreElseInherent_WithBandOwnerAndMitigation()
    {
        var p = await ProgrammeAsync(App);
        await RiskAsync(p, "Mitigated from the worst", (5, 5), (2, 2), mitigation: "Shared bank of staff");
        await RiskAsync(p, "Never mitigated", (4, 4));
        await RiskAsync(p, "Mitigation did nothing", (3, 4), (3, 4), byCouncil: true, mitigation: "Weekly escalation call.");
        await RiskAsync(p, "Still extreme after mitigation", (5, 4), (3, 5), mitigation: "Buy beds in the independent sector");
        await RiskAsync(p, "A moderate worry", (2, 3));
        await RiskAsync(p, "Sixth and left out", (1, 2));
        await RiskAsync(p, "Closed, however high", (5, 5), status: RaidStatus.Closed);
        await RiskAsync(p, "Not yet scored", null);

        var viewer = await PageClient.SignedInAsync(App, p.System.Viewer);
        var page = await viewer.GetAsync($"/systems/{p.System.Id}/strategy");
        var markdown = await viewer.Http.GetStringAsync($"/systems/{p.System.Id}/strategy/markdown", Ct);
        await using var scope = App.Database(p.System.Id);
        var document = await scope.Get<StrategyDocumentService>().BuildAsync(Ct);

        var risks = Assert.IsAssignableFrom<IReadOnlyList<DocumentRisk>>(document.TopRisks);
        Assert.Equal(["Never mitigated", "Still extreme after mitigation", "Mitigation did nothing", "A moderate worry", "Mitigated from the worst"], risks.Select(r => r.Event));
        Assert.Equal([16, 15, 12, 6, 4], risks.Select(r => r.Score));
        Assert.Equal(["Extreme", "Extreme", "High", "Moderate", "Moderate"], risks.Select(r => r.Band));
        Assert.Equal(7, document.OpenRisks);
        Assert.Equal("Inherent score 16 (extreme); no residual score yet", risks[0].ScoreInWords());
        Assert.Equal("Residual score 15 (extreme); inherent 20 (extreme)", risks[1].ScoreInWords());
        Assert.Equal(("Westford Council", "Reduce: weekly escalation call."), (risks[2].OwnerInWords(), risks[2].MitigationInWords()));
        Assert.Equal("No mitigation recorded.", risks[0].MitigationInWords());
        Assert.Null(document.LastReview);

        Assert.Contains("The 5 highest-scoring of 7 open risks in the RAID log.", page.Text("#top-risks"));
        Assert.Contains("No iteration has closed yet.", page.Text("#last-review"));
        var rows = page.Document.QuerySelectorAll("#top-risks tbody tr").Select(Cells).ToList();
        Assert.Equal(risks.Select(r => r.Event), rows.Select(r => r[0]));
        Assert.Equal(["Still extreme after mitigation", "Residual score 15 (extreme); inherent 20 (extreme)", "Westford Hospitals NHS Trust", "Reduce: buy beds in the independent sector."], rows[1]);
        Assert.Contains("### Top risks", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Never mitigated.** Inherent score 16 (extreme); no residual score yet. Owner: Westford Hospitals NHS Trust. Mitigation: No mitigation recorded.",
            markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("Never mitigated", StringComparison.Ordinal) < markdown.IndexOf("Mitigated from the worst", StringComparison.Ordinal));
        Assert.DoesNotContain("Sixth and left out", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVersionPublishedBeforeTheReviewAndRisksWereKept_StillRenders_AndIsNotComparedOnThem()
    {
        var p = await ProgrammeAsync(App);
        await RiskAsync(p, "Never mitigated", (4, 4));
        var iteration = await StartAsync(p, Start, End, "Open the falls clinic");
        await ItemAsync(p, iteration, "Falls clinic pathway");
        await CloseAsync(p, iteration, []);
        await PublishAsync(p, "Approved by the ICP");
        // The version as one published before the work programme was kept would have been stored: without those fields at all.
        await using (var scope = App.Database(p.System.Id))
        {
            var published = await scope.Db.StrategyVersions.SingleAsync(Ct);
            var old = JsonNode.Parse(published.DocumentJson)!.AsObject();
            Assert.True(old.Remove("workstreams") & old.Remove("lastReview") & old.Remove("topRisks") & old.Remove("openRisks"));
            scope.Db.StrategyVersions.Add(new StrategyVersion
            {
                SystemId = p.System.Id, Number = 2, PublishedAtUtc = published.PublishedAtUtc.AddMinutes(1), PublishedByName = "Test", Note = "Published before",
                DocumentJson = old.ToJsonString(JsonSerializerOptions.Web),
            });
            await scope.Db.SaveChangesAsync(Ct);
        }

        var viewer = await PageClient.SignedInAsync(App, p.System.Viewer);
        var version = await viewer.GetAsync($"/systems/{p.System.Id}/strategy/versions/2");
        var current = await viewer.GetAsync($"/systems/{p.System.Id}/strategy/versions/1");
        var api = await ApiClient.ForAsync(App, p.System.Viewer);
        var fromOld = await (await api.GetAsync($"{p.Url}/strategy/comparison?from=2", Ct)).JsonAsync();
        var oldToNew = await (await api.GetAsync($"{p.Url}/strategy/comparison?from=2&to=1", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, version.Status);
        Assert.Null(version.Document.QuerySelector("#work-programme"));
        Assert.Null(version.Document.QuerySelector("#top-risks"));
        Assert.Contains("Never mitigated", current.Text("#top-risks"));
        Assert.Contains("Iteration 1", current.Text("#last-review"));
        foreach (var comparison in new[] { fromOld, oldToNew })
        {
            Assert.Empty(comparison["workstreams"]!.AsArray());
            Assert.Empty(comparison["lastReview"]!.AsArray());
            Assert.Empty(comparison["risks"]!.AsArray());
        }
        Assert.False(oldToNew["hasChanges"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Comparison_ReportsWorkstreamsAddedAndProgressed_TheNextReview_AndRisksAddedRemovedAndRescored()
    {
        var p = await ProgrammeAsync(App);
        var first = await StartAsync(p, Start, End, "Open the falls clinic");
        var clinic = await ItemAsync(p, first, "Falls clinic pathway");
        await CloseAsync(p, first, []);
        var rescored = await RiskAsync(p, "Too few reablement staff", (4, 4), mitigation: "Shared bank of staff");
        var closing = await RiskAsync(p, "Hall closes for repairs", (3, 3), byCouncil: true);
        await PublishAsync(p, "Approved by the ICP");

        await WorkstreamAsync(p, "Healthy hearts");
        var second = await StartAsync(p, End.AddDays(1), End.AddDays(42), "Run the first classes");
        await p.Trust.PutJsonAsync($"{p.Url}/work-items/{clinic}/iteration", new { iterationId = second },
            (await p.Trust.GetAsync($"{p.Url}/work-items/{clinic}", Ct)).Headers.ETag!.ToString());
        await MoveAsync(p, clinic, new { status = "Done" });
        await CloseAsync(p, second, []);
        await using (var scope = App.Database(p.System.Id))
        {
            var risk = await scope.Db.RaidEntries.SingleAsync(e => e.Id == rescored, Ct);
            (risk.ResidualLikelihood, risk.ResidualImpact) = (2, 2);
            (await scope.Db.RaidEntries.SingleAsync(e => e.Id == closing, Ct)).Status = RaidStatus.Closed;
            await scope.Db.SaveChangesAsync(Ct);
        }
        await RiskAsync(p, "Winter pressures stop the classes", (4, 3));
        await PublishAsync(p, "After the June board");

        var api = await ApiClient.ForAsync(App, p.System.Viewer);
        var comparison = await (await api.GetAsync($"{p.Url}/strategy/comparison?from=1&to=2", Ct)).JsonAsync();
        var viewer = await PageClient.SignedInAsync(App, p.System.Viewer);
        var page = await viewer.GetAsync($"/systems/{p.System.Id}/strategy/compare?from=1&to=2");
        var markdown = await viewer.Http.GetStringAsync($"/systems/{p.System.Id}/strategy/compare/markdown?from=1&to=2", Ct);

        static (string, string) Change(JsonNode? c) => (c!["name"]!.GetValue<string>(), c["change"]!.GetValue<string>());
        static Dictionary<string, (string? Before, string? After)> Fields(JsonNode? c) =>
            c!["fields"]!.AsArray().ToDictionary(f => f!["field"]!.GetValue<string>(), f => (f!["before"]?.GetValue<string>(), f["after"]?.GetValue<string>()));
        var workstreams = comparison["workstreams"]!.AsArray();
        Assert.Equal([("Frailty at home", "Changed"), ("Healthy hearts", "Added")], workstreams.Select(Change).Order());
        Assert.Equal(("1 work item: 0 done, 0 in progress, 0 blocked.", "1 work item: 1 done, 0 in progress, 0 blocked."),
            Fields(workstreams.Single(w => w!["name"]!.GetValue<string>() == "Frailty at home"))["Progress"]);
        var review = comparison["lastReview"]!.AsArray().ToDictionary(f => f!["field"]!.GetValue<string>(), f => f!["after"]?.GetValue<string>());
        Assert.Equal("Iteration 2, 16 February 2026 to 29 March 2026", review["Iteration"]);
        Assert.Equal("Westford Hospitals NHS Trust: 1 item (Falls clinic pathway)", review["What was delivered"]);
        var risks = comparison["risks"]!.AsArray();
        Assert.Equal([("Hall closes for repairs", "Removed"), ("Too few reablement staff", "Changed"), ("Winter pressures stop the classes", "Added")],
            risks.Select(Change).Order());
        Assert.Equal(("Inherent score 16 (extreme); no residual score yet", "Residual score 4 (moderate); inherent 16 (extreme)"),
            Fields(risks.Single(r => r!["change"]!.GetValue<string>() == "Changed"))["Score"]);

        var section = page.Text("#work-programme-changes");
        Assert.Contains("Healthy hearts", section);
        Assert.Contains("Residual score 4 (moderate); inherent 16 (extreme)", section);
        Assert.Contains("Iteration 2, 16 February 2026 to 29 March 2026", section);
        Assert.Contains("## The work programme", markdown, StringComparison.Ordinal);
        Assert.Contains("- Added: Winter pressures stop the classes", markdown, StringComparison.Ordinal);
        Assert.Contains("- Removed: Hall closes for repairs", markdown, StringComparison.Ordinal);
    }
}

public sealed class StrategyWorkProgrammeSqliteTests(SqliteApp app) : StrategyWorkProgrammeTests(app, DatabaseKind.Sqlite)
{
    /// <summary>
    /// The review and the risks are read in the same number of commands however many items, notes, measures and risks there are
    /// (the demo's programme, which the page-wide query count reads, may have no closed iteration to review). An app of its own counts them.
    /// </summary>
    [Fact]
    public async Task TheReviewAndTopRisks_TakeTheSameCommands_HoweverManyItemsMeasuresAndRisks()
    {
        var queries = new QueryCounter();
        await using var counting = new TestApp(DatabaseKind.Sqlite) { Queries = queries };
        var p = await ProgrammeAsync(counting);
        await MeasureAsync(p, "Strength class attendance", [80, 81, 79, 80, 82, 81, 80, 79, 81, 80, 82, 81, 80, 120], new DateOnly(2025, 1, 1));
        await RiskAsync(p, "Too few reablement staff", (4, 4));
        var first = await StartAsync(p, new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 15), "Open the falls clinic");
        var done = await ItemAsync(p, first, "Falls clinic pathway");
        await MoveAsync(p, done, new { status = "Done" });
        await CloseAsync(p, first, []);
        var small = await CountAsync();

        await MeasureAsync(p, "Falls admissions", [50, 52, 49, 51, 50, 52, 49, 51, 50, 52, 49, 51], new DateOnly(2024, 12, 1));
        await MeasureAsync(p, "Hip fractures", [9, 8, 10, 9, 11, 8], new DateOnly(2025, 6, 1));
        await RiskAsync(p, "Hall closes for repairs", (3, 3), byCouncil: true);
        await RiskAsync(p, "Winter pressures stop the classes", (4, 3), (2, 3), mitigation: "Run the classes online");
        var second = await StartAsync(p, new DateOnly(2026, 2, 16), new DateOnly(2026, 3, 29), "Run the first classes");
        foreach (var title in new[] { "Class timetable", "Transport to classes", "Instructor training" })
        {
            await MoveAsync(p, await ItemAsync(p, second, title), new { status = "Done" });
        }
        var slipped = await ItemAsync(p, second, "Home adaptations fast track", byTrust: false);
        await ItemAsync(p, second, "Strength and balance classes");
        Assert.Equal(HttpStatusCode.OK, (await p.Council.PutJsonAsync($"{p.Url}/iterations/{second}/slips/{slipped}", new { note = "Surveyors on leave" }, null)).StatusCode);
        await CloseAsync(p, second, []);
        var large = await CountAsync();

        Assert.Equal(small.Commands, large.Commands);
        Assert.Equal((1, 0, 1, 1), small.Figures);
        Assert.Equal((3, 2, 3, 3), large.Figures);

        async Task<(int Commands, (int Delivered, int Slipped, int Measures, int Risks) Figures)> CountAsync()
        {
            await using var scope = counting.Database(p.System.Id);
            var tally = queries.Begin();
            try
            {
                var document = await scope.Get<StrategyDocumentService>().BuildAsync(Ct);
                var review = document.LastReview!;
                return (tally.Commands, (review.Delivered.Sum(d => d.Count), review.Slipped.Count, review.Measures.Count, document.TopRisks!.Count));
            }
            finally
            {
                queries.End();
            }
        }
    }
}

[Collection(PostgresApp.Collection)]
public sealed class StrategyWorkProgrammePostgresTests(PostgresApp app) : StrategyWorkProgrammeTests(app, DatabaseKind.Postgres);
