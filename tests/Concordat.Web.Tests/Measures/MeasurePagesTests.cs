using System.Net;
using Concordat.Core.History;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Measures;

public abstract class MeasurePagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static async Task<string> DefineAsync(PageClient lead, TestSystem system, string name = "Emergency admissions aged 75+")
    {
        var form = await lead.GetAsync($"/systems/{system.Id}/measures/new");
        var saved = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = name, ["Input.Definition"] = "Emergency admissions of residents aged 75 and over", ["Input.Unit"] = "admissions",
            ["Input.Frequency"] = "Monthly", ["Input.Improvement"] = "Decrease", ["Input.Target"] = "900",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        return saved.Location!;
    }

    [Fact]
    public async Task DefineMeasure_BadInput_ReportsEveryField()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var form = await lead.GetAsync($"/systems/{system.Id}/measures/new");

        var bad = await form.SubmitAsync("main form", new() { ["Input.Name"] = "", ["Input.Target"] = "ninety" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Enter the measure's name", bad.ErrorSummary);
        Assert.Contains("Target must be a number, like 95 or 0.5", bad.ErrorSummary);
        Assert.Contains("Select how often the data comes", bad.ErrorSummary);
        Assert.Contains("Select which direction is improvement", bad.ErrorSummary);
    }

    [Fact]
    public async Task RecordValues_DrawsTheChart_AndACorrectionKeepsTheOldValueInHistory()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        for (var month = 1; month <= 15; month++)
        {
            var form = await lead.GetAsync(url + "/record");
            var saved = await form.SubmitAsync("main form", new() { ["Input.PeriodStart"] = $"2025-{(month - 1) % 12 + 1:00}-01".Replace("2025-", month > 12 ? "2026-" : "2025-", StringComparison.Ordinal), ["Input.Value"] = (1000 - month * 5).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }
        var correctionForm = await lead.GetAsync(url + "/record");
        var corrected = await correctionForm.SubmitAsync("main form", new() { ["Input.PeriodStart"] = "2025-01-01", ["Input.Value"] = "1001", ["Input.Note"] = "Late coding" });
        var badForm = await lead.GetAsync(url + "/record");
        var bad = await badForm.SubmitAsync("main form", new() { ["Input.PeriodStart"] = "2025-01-15", ["Input.Value"] = "lots" });
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("A period starts on the first day of a month, like 2026-04-01", bad.ErrorSummary);
        Assert.Contains("Value must be a number, like 94.5", bad.ErrorSummary);
        var chart = page.Document.QuerySelector("figure svg[role=img]");
        Assert.NotNull(chart);
        Assert.Equal(15, page.Document.QuerySelectorAll("#data tbody tr").Length);
        Assert.Contains("1,001 admissions", page.Text("#data"));
        Assert.False(string.IsNullOrWhiteSpace(page.Text("#spc-summary")));
        await using var scope = App.Database(system.Id);
        var correction = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "ObservationCorrected", Ct);
        Assert.Equal("995", AuditLog.ReadFields(correction.BeforeJson)["Value"]);
        Assert.Equal("1001", AuditLog.ReadFields(correction.AfterJson)["Value"]);
    }

    [Fact]
    public async Task LinkToGoal_ShowsTheMeasureOnTheGoalPage_AndOnlyForGoalsThePersonLeads()
    {
        var system = await App.CreateSystemAsync();
        var convenorApi = await ApiClient.ForAsync(App, system.Convenor);
        var trustGoal = await GoalApi.DraftAsync(convenorApi, system, "Trust-led goal");
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var councilLeadPage = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync(url);

        var page = await lead.GetAsync(url);
        var linked = await page.SubmitAsync("form[action*='handler=Link']", new() { ["GoalId"] = trustGoal.ToString() });
        var goalPage = await lead.GetAsync($"/systems/{system.Id}/goals/{trustGoal}");

        Assert.Null(councilLeadPage.Document.QuerySelector("form[action*='handler=Link']"));
        Assert.Equal(HttpStatusCode.Redirect, linked.Status);
        Assert.Contains("Emergency admissions aged 75+", goalPage.Text("#goal-measures"));
    }

    [Fact]
    public async Task RecordValue_ByAnotherOrganisationOrViewer_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var url = await DefineAsync(await PageClient.SignedInAsync(App, system.TrustLead), system);

        var council = await (await PageClient.SignedInAsync(App, system.CouncilContributor)).GetAsync(url + "/record");
        var viewer = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(url + "/record");
        var defineAsViewer = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/measures/new");

        Assert.Equal(HttpStatusCode.Forbidden, council.Status);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
        Assert.Equal(HttpStatusCode.Forbidden, defineAsViewer.Status);
    }

    [Fact]
    public async Task MeasuresList_ShowsConcernFirst_AndAnotherSystemsMeasureIsNotFound()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        await DefineAsync(lead, system, "Waiting list");
        var otherUrl = await DefineAsync(await PageClient.SignedInAsync(App, other.TrustLead), other, "Their measure");

        var list = await lead.GetAsync($"/systems/{system.Id}/measures");
        var crossed = await lead.GetAsync(otherUrl.Replace(other.Id.ToString(), system.Id.ToString(), StringComparison.Ordinal));

        Assert.Contains("Waiting list", list.Text("#measures"));
        Assert.DoesNotContain("Their measure", list.Html);
        Assert.Equal(HttpStatusCode.NotFound, crossed.Status);
    }
}

public sealed class MeasurePagesSqliteTests(SqliteApp app) : MeasurePagesTests(app, DatabaseKind.Sqlite), IClassFixture<SqliteApp>;

public sealed class MeasurePagesPostgresTests(PostgresApp app) : MeasurePagesTests(app, DatabaseKind.Postgres), IClassFixture<PostgresApp>;
