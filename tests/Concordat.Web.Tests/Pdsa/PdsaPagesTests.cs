using System.Net;
using Concordat.Core.Goals;
using Concordat.Core.TheoryOfChange;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Pdsa;

/// <summary>The pages of a test of change: planning it from its idea, each stage's form in order, a stale save, and ramping on.</summary>
public abstract class PdsaPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<(Guid GoalId, Guid IdeaId)> SeedAsync(TestSystem system)
    {
        await using var scope = App.Database(system.Id);
        var goal = new Goal
        {
            SystemId = system.Id, Title = "Home for lunch", OutcomeStatement = "People leave hospital the day they are ready", Population = "Adults in hospital",
            WholeSystem = true, Horizon = new DateOnly(2028, 3, 31), LeadOrganisationId = system.TrustId, SeniorResponsibleOwner = "Chief Operating Officer",
            Status = GoalStatus.Agreed, CreatedAtUtc = DateTime.UtcNow,
        };
        var idea = new ChangeIdea { SystemId = system.Id, GoalId = goal.Id, Title = "Criteria-led discharge", CreatedAtUtc = DateTime.UtcNow };
        scope.Db.Goals.Add(goal);
        scope.Db.ChangeIdeas.Add(idea);
        await scope.Db.SaveChangesAsync(Ct);
        return (goal.Id, idea.Id);
    }

    [Fact]
    public async Task AnIdeasOwnerPlansATest_RecordsEachStageInOrder_AndRampsOn_OthersOnlyRead()
    {
        var system = await App.CreateSystemAsync();
        var (_, ideaId) = await SeedAsync(system);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var home = $"/systems/{system.Id}";

        var ideaPage = await trust.GetAsync($"{home}/pdsa/ideas/{ideaId}");
        var form = await trust.GetAsync(ideaPage.Document.QuerySelector("a[href*='/pdsa/new']")!.GetAttribute("href")!);
        var bad = await form.SubmitAsync("main form", new() { ["Input.Title"] = "", ["Input.StartsOn"] = new DateOnly(2025, 4, 1), ["Input.EndsOn"] = new DateOnly(2025, 3, 1) });
        var planned = await form.SubmitAsync("main form", new()
        {
            ["Input.Title"] = "Discharge by noon", ["Input.Objective"] = "Test criteria-led discharge on ward 7", ["Input.Prediction"] = "Half before noon",
            ["Input.StartsOn"] = new DateOnly(2025, 3, 1), ["Input.EndsOn"] = new DateOnly(2025, 3, 31),
        });
        Assert.Equal(HttpStatusCode.Found, planned.Status);
        var cyclePage = await trust.GetAsync(planned.Location!);
        var studyTooSoon = cyclePage.Document.QuerySelector("a[href$='/study']");
        var doForm = await trust.GetAsync(cyclePage.Document.QuerySelector("a[href$='/do']")!.GetAttribute("href")!);
        var done = await doForm.SubmitAsync("main form", new() { ["Input.WhatHappened"] = "Ward 7 ran it for a month" });
        var stale = await doForm.SubmitAsync("main form", new() { ["Input.WhatHappened"] = "Ward 7 ran it for three weeks" });
        var studyForm = await trust.GetAsync($"{planned.Location}/study");
        var studied = await studyForm.SubmitAsync("main form", new() { ["Input.Result"] = "A third before noon, not half" });
        var actForm = await trust.GetAsync($"{planned.Location}/act");
        var decided = await actForm.SubmitAsync("main form", new() { ["Input.Decision"] = "Adapt" });
        var decidedPage = await trust.GetAsync(planned.Location!);
        var ramped = await decidedPage.SubmitAsync("form[action*='handler=Ramp']", new());
        var councilView = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync(planned.Location!);
        var councilDo = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync($"{planned.Location}/do");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Enter a short title for the test", bad.ErrorSummary);
        Assert.Contains("The test must end on or after the day it starts", bad.ErrorSummary);
        Assert.Null(studyTooSoon);
        Assert.Equal(HttpStatusCode.Found, done.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(HttpStatusCode.Found, studied.Status);
        Assert.Equal(HttpStatusCode.Found, decided.Status);
        Assert.Contains("Adapt: Change the idea and test it again.", decidedPage.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, ramped.Status);
        Assert.EndsWith("/plan", ramped.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, councilView.Status);
        Assert.Null(councilView.Document.QuerySelector("a[href$='/do']"));
        Assert.Equal(HttpStatusCode.Forbidden, councilDo.Status);
        await using var scope = App.Database(system.Id);
        Assert.Equal([(1, "Ward 7 ran it for a month"), (2, null)],
            (await scope.Db.PdsaCycles.OrderBy(c => c.Number).Select(c => new { c.Number, c.WhatHappened }).ToListAsync(Ct)).Select(c => (c.Number, c.WhatHappened)));
    }
}

public sealed class PdsaPagesSqliteTests(SqliteApp app) : PdsaPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PdsaPagesPostgresTests(PostgresApp app) : PdsaPagesTests(app, DatabaseKind.Postgres);
