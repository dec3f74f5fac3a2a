using System.Net;
using Concordat.Core.Access;
using Concordat.Core.Demo;
using Concordat.Core.HealthChecks;
using Concordat.Core.Pdsa;
using Concordat.Core.Raid;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Dependencies;
using Concordat.Core.WorkProgramme.Iterations;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>
/// The demo's living work programme, as the issue's demo asks: two closed iterations with reviews and retrospectives in
/// which partners learn each other's constraints, a current one, dependencies with one off track and one declined, a RAID
/// log filling every band of the heat map, and a ramp of three PDSA cycles marked on its measure's chart.
/// </summary>
public abstract class DemoWorkspaceProgrammeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task TheDemo_HasTwoClosedIterationsReviewedAndLookedBackOn_AndACurrentOne()
    {
        var systemId = await DemoAsync();
        await using var scope = App.Database(systemId);
        var service = scope.Get<IterationService>();
        var today = UkCalendar.Today(scope.Get<TimeProvider>());
        var all = (await service.ListAsync(Ct)).Select(s => s.Iteration).OrderBy(i => i.Number).ToList();

        var closed = all.Where(i => i.IsClosed).ToList();
        Assert.Equal(2, closed.Count);
        var current = Assert.Single(all, i => !i.IsClosed);
        Assert.True(current.StartsOn <= today && today <= current.EndsOn, $"{current.Name} runs {current.StartsOn} to {current.EndsOn}");
        Assert.NotEmpty((await service.GetAsync(current.Id, Ct)).Items);
        foreach (var iteration in closed)
        {
            Assert.True(iteration.EndsOn < today);
            Assert.Equal(42, iteration.EndsOn.DayNumber - iteration.StartsOn.DayNumber + 1);
            var review = await service.ReviewAsync(iteration.Id, Ct);
            Assert.NotNull(review.Iteration.ReviewHeldOn);
            Assert.False(string.IsNullOrWhiteSpace(review.Iteration.ReviewNotes));
            Assert.NotEmpty(review.Delivered);
            Assert.Contains(review.Slipped, i => i.Outcome == IterationOutcome.Carried && i.SlipNote is not null);
            Assert.Contains(review.Slipped, i => i.Outcome == IterationOutcome.ReturnedToBacklog);
            // The goals served have measures with data, so the review reads each at the iteration's start and end.
            Assert.Contains(review.Measures, m => m.AtStart.Points > 0 && m.AtEnd.Points > 0);
            var retrospective = await service.RetrospectiveAsync(iteration.Id, Ct);
            var answers = retrospective.Answers.Where(a => a.Answer is not null).ToList();
            Assert.True(answers.Count >= 4, $"{answers.Count} partners answered the retrospective of {iteration.Name}");
            Assert.All(answers, a => Assert.False(string.IsNullOrWhiteSpace(a.Answer!.LearnedAboutPartners)));
            Assert.Contains(retrospective.Answers, a => a.Answer is null);
        }
        var first = await service.RetrospectiveAsync(closed[0].Id, Ct);
        Assert.False(first.Iteration.IsRetrospectiveOpen);
        Assert.Equal([WorkItemStatus.Backlog, WorkItemStatus.Done], first.Actions.Select(a => a.Status).Order());
        var open = Assert.Single((await service.RetrospectiveAsync(closed[1].Id, Ct)).OpenFromEarlier);
        Assert.Equal(first.Actions.Single(a => a.Status != WorkItemStatus.Done).WorkItemId, open.WorkItemId);
    }

    [Fact]
    public async Task TheDemosDependencies_AreAcceptedRequestedDeclinedAndDelivered_WithOneOffTrack()
    {
        var systemId = await DemoAsync();
        await using var scope = App.Database(systemId);

        var rows = await scope.Get<DependencyService>().ListAsync(new DependencyFilter(), Ct);

        Assert.All(rows, r => Assert.True(r.IsBetweenOrganisations));
        Assert.True(rows.Count(r => r.Dependency.State == DependencyState.Accepted) >= 3);
        var offTrack = Assert.Single(rows, r => r.IsOffTrack);
        Assert.Equal(DependencyState.Accepted, offTrack.Dependency.State);
        Assert.Equal("At risk because of Northshire County Council's Care packages sourced within 48 hours of referral", offTrack.AtRisk);
        Assert.Single(rows, r => r.Dependency.State == DependencyState.Requested);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(rows, r => r.Dependency.State == DependencyState.Declined).Dependency.DeclineReason));
        Assert.Single(rows, r => r.Dependency.State == DependencyState.Delivered);
    }

    [Fact]
    public async Task TheDemosRaidLog_FillsEveryBandOfTheHeatMap_BeforeAndAfterMitigation_AndHasEveryKind()
    {
        var systemId = await DemoAsync();
        await using var scope = App.Database(systemId);

        var rows = await scope.Get<RaidService>().ListAsync(new RaidFilter(), Ct);

        var risks = rows.Where(r => r.Entry.Kind == RaidKind.Risk).Select(r => r.Entry).ToList();
        foreach (var residual in new[] { false, true })
        {
            Assert.Equal(Enum.GetValues<RiskBand>(), RaidService.HeatMap(risks, residual).Where(c => c.Count > 0).Select(c => c.Band).Distinct().Order());
        }
        Assert.All(risks, r => Assert.False(string.IsNullOrWhiteSpace(r.Cause) || string.IsNullOrWhiteSpace(r.Effect) || string.IsNullOrWhiteSpace(r.Mitigation)));
        Assert.Single(rows, r => r.Entry.Kind == RaidKind.Risk && r.IsOverdue);
        Assert.Contains(rows, r => r.Entry.Kind == RaidKind.Risk && r.Forum is not null);
        Assert.True(rows.Count(r => r.Entry.Kind == RaidKind.Assumption) >= 2);
        Assert.True(rows.Count(r => r.Entry.Kind == RaidKind.Issue) >= 2);
        var decisions = rows.Where(r => r.Entry.Kind == RaidKind.Decision).ToList();
        Assert.True(decisions.Count >= 2);
        Assert.All(decisions, d => Assert.True(d.Forum is not null && d.Entry.DecidedOn is not null));
        var linked = await scope.Db.RaidEntryWorkItems.Select(l => l.RaidEntryId).ToListAsync(Ct);
        Assert.All(decisions, d => Assert.Contains(d.Entry.Id, linked));
    }

    [Fact]
    public async Task TheDemosFrailtyIdea_HasARampOfThreeCycles_MarkedOnItsMeasuresChart()
    {
        var systemId = await DemoAsync();
        Guid measureId;
        await using (var scope = App.Database(systemId))
        {
            var today = UkCalendar.Today(scope.Get<TimeProvider>());
            var cycles = await scope.Db.PdsaCycles.OrderBy(c => c.Number).ToListAsync(Ct);
            Assert.Equal([1, 2, 3], cycles.Select(c => c.Number));
            Assert.Single(cycles.Select(c => c.RampId).Distinct());
            Assert.Single(cycles.Select(c => c.ChangeIdeaId).Distinct());
            Assert.Equal([PdsaDecision.Adapt, PdsaDecision.ScaleUp, null], cycles.Select(c => c.Decision));
            Assert.All(cycles.Take(2), c => Assert.NotNull(c.Result));
            Assert.True(cycles[2].StartsOn <= today && today <= cycles[2].EndsOn && cycles[2].Stage == PdsaStage.Planned);
            Assert.All(cycles, c => Assert.False(string.IsNullOrWhiteSpace(c.Prediction)));
            measureId = Assert.Single(cycles.Select(c => c.MeasureId).Distinct())!.Value;
            Assert.StartsWith("Step-up referrals", await scope.Db.ChangeIdeas.Where(i => i.Id == cycles[0].ChangeIdeaId).Select(i => i.Title).SingleAsync(Ct),
                StringComparison.Ordinal);
        }
        var viewer = new PageClient(App.CreateClient());
        Assert.Equal(HttpStatusCode.Redirect, (await viewer.SignInAsync("viewer@demo.concordat.example", DemoWorkspace.Password)).Status);

        var page = await viewer.GetAsync($"/systems/{systemId}/measures/{measureId}");

        var labels = page.Document.QuerySelectorAll(".concordat-chart__wide svg .spc-annotation > text").Select(t => t.TextContent).ToList();
        Assert.Equal(3, labels.Count);
        Assert.All(labels.Zip([1, 2, 3]), l => Assert.StartsWith($"PDSA {l.Second}: ", l.First, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDemosHealthCheck_FindsTheExtremeRiskOverdueForReview_AndNothingElseOfTheWorkProgramme()
    {
        var systemId = await DemoAsync();
        await using var scope = App.Database(systemId);

        var findings = (await scope.Get<HealthCheckService>().RunAsync(Ct)).SystemFindings;

        var risk = Assert.Single(findings, f => f.Check == RiskCheck.ExtremeRiskUnmanaged);
        Assert.Contains("is overdue for review", risk.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Check is IterationCheck.NotReviewed or WorkProgrammeChecks.CycleWithoutPredictionOrMeasure
            or WorkProgrammeChecks.IdeaNobodyWorksOn or HealthCheck.DependencyOffTrack);
        // The community trust's draft ask for capital names no goal yet; the partly agreed ask's conditions are being met.
        var ask = Assert.Single(findings, f => f.Check == AskChecks.UnlocksNoGoal);
        Assert.Equal("Capital for a community diagnostic centre in Eastvale", ask.Subject);
        Assert.DoesNotContain(findings, f => f.Check is AskChecks.ConditionsNotMet or AskChecks.ExtremeRiskOnDeclinedAsk);
    }

    private Task<Guid> DemoAsync() => App.DemoAsync(Ct);
}

public sealed class DemoWorkspaceProgrammeSqliteTests(SqliteApp app) : DemoWorkspaceProgrammeTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class DemoWorkspaceProgrammePostgresTests(PostgresApp app) : DemoWorkspaceProgrammeTests(app, DatabaseKind.Postgres);
