using System.Net;
using Concordat.Core.Goals;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Goals;

public abstract class GoalPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task NewGoal_BadInput_RendersEveryErrorWith400_ThenSavesADraft()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var form = await lead.GetAsync($"/systems/{system.Id}/goals/new");

        var bad = await form.SubmitAsync("main form", new(PageResponse.DateBoxes("Input.Horizon", "31", "3", "28")) { ["Input.Title"] = "", ["Input.SeniorResponsibleOwner"] = "" });
        var good = await bad.SubmitAsync("main form", new()
        {
            ["Input.Title"] = "Fewer falls in care homes", ["Input.OutcomeStatement"] = "By 2028, 20% fewer falls in care homes.",
            ["Input.Population"] = "Care home residents", ["Input.WholeSystem"] = "true", ["Input.Horizon"] = new DateOnly(2028, 3, 31),
            ["Input.SeniorResponsibleOwner"] = "Tom Richards",
        });

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Horizon must have a year with 4 numbers", bad.ErrorSummary);
        Assert.Contains("Enter a short title for the goal", bad.ErrorSummary);
        Assert.Contains("Select the places the goal covers, or the whole system", bad.ErrorSummary);
        Assert.DoesNotContain(bad.ErrorSummary, e => e.Contains("senior responsible owner", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        await using var scope = App.Database(system.Id);
        var goal = await scope.Db.Goals.SingleAsync(Ct);
        Assert.Equal(GoalStatus.Draft, goal.Status);
        Assert.Equal(system.TrustId, goal.LeadOrganisationId);
    }

    [Fact]
    public async Task NewGoal_ViewerOrContributor_IsForbidden()
    {
        var system = await App.CreateSystemAsync();

        var viewer = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/new");
        var contributor = await (await PageClient.SignedInAsync(App, system.CouncilContributor)).GetAsync($"/systems/{system.Id}/goals/new");

        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        Assert.Equal(HttpStatusCode.Forbidden, contributor.Status);
    }

    [Fact]
    public async Task GoalList_FiltersByStatusAndShowsAgreementState()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var proposed = await GoalApi.DraftAsync(convenor, system, "Proposed goal");
        await GoalApi.DraftAsync(convenor, system, "Draft goal");
        await GoalApi.OpenAsync(convenor, system, proposed);
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var all = await viewer.GetAsync($"/systems/{system.Id}/goals");
        var drafts = await viewer.GetAsync($"/systems/{system.Id}/goals?Status=Draft");
        var nonsense = await viewer.GetAsync($"/systems/{system.Id}/goals?Status=Banana&PlaceId=x");

        // Until a convenor orders them, goals come in the order they were drafted, not by title.
        Assert.Equal(["Proposed goal", "Draft goal"], all.Document.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));
        Assert.Contains("Adoption round open: 0 of 2 responded", all.Text("tbody"));
        Assert.Equal(["Draft goal"], drafts.Document.QuerySelectorAll("tbody td:first-child a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.OK, nonsense.Status);
    }

    [Fact]
    public async Task ContributionPages_CommitAndCheckIn_ValidateAndSave()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var lead = await PageClient.SignedInAsync(App, system.CouncilLead);

        var form = await lead.GetAsync($"/systems/{system.Id}/goals/{goalId}/contributions/new");
        var bad = await form.SubmitAsync("main form", new(PageResponse.DateBoxes("Input.DueOn", "soon", "9", "2027")) { ["Input.Commitment"] = "", ["Input.CheckInCadenceDays"] = "fortnightly" });
        var saved = await form.SubmitAsync("main form", new()
        {
            ["Input.Commitment"] = "Reablement within 24 hours", ["Input.DueOn"] = new DateOnly(2027, 9, 30), ["Input.AccountablePerson"] = "Cath Council",
        });
        var contributionUrl = saved.Location!;
        var accept = await (await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync(contributionUrl))
            .SubmitAsync("form[action*='handler=Accept']", new() { ["Decision"] = "Board, 1 December" });
        var checkInForm = await (await PageClient.SignedInAsync(App, system.CouncilContributor)).GetAsync(contributionUrl + "/check-in");
        var noNarrative = await checkInForm.SubmitAsync("main form", new() { ["Input.Status"] = "OffTrack", ["Input.Confidence"] = "two" });
        var noConfidence = await checkInForm.SubmitAsync("main form", new() { ["Input.Status"] = "OnTrack", ["Input.Confidence"] = " " });
        var posted = await checkInForm.SubmitAsync("main form", new() { ["Input.Status"] = "OnTrack", ["Input.Confidence"] = "9" });
        var page = await lead.GetAsync(contributionUrl);

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Enter what your organisation will do", bad.ErrorSummary);
        Assert.Contains("Due date must be a real date", bad.ErrorSummary);
        Assert.Contains("Enter the name of the person accountable", bad.ErrorSummary);
        Assert.Contains("Check-in cadence must be a whole number of days, like 31", bad.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Redirect, accept.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noNarrative.Status);
        Assert.Contains("Confidence must be a whole number from 0 to 10", noNarrative.ErrorSummary);
        Assert.Contains("Say what is wrong and what is being done, when a contribution is at risk or off track", noNarrative.ErrorSummary);
        Assert.Equal(["Enter a confidence from 0 to 10"], noConfidence.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains("Confidence 9 out of 10", page.Text("#check-ins"));
        Assert.Contains("Agreed", page.Html);
    }
}

public sealed class GoalPagesSqliteTests(SqliteApp app) : GoalPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class GoalPagesPostgresTests(PostgresApp app) : GoalPagesTests(app, DatabaseKind.Postgres);
