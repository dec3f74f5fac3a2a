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
            var saved = await form.SubmitAsync("main form", new() { ["Input.PeriodStart"] = new DateOnly(month > 12 ? 2026 : 2025, (month - 1) % 12 + 1, 1), ["Input.Value"] = (1000 - month * 5).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }
        var correctionForm = await lead.GetAsync(url + "/record");
        var corrected = await correctionForm.SubmitAsync("main form", new() { ["Input.PeriodStart"] = new DateOnly(2025, 1, 1), ["Input.Value"] = "1001", ["Input.Note"] = "Late coding" });
        var badForm = await lead.GetAsync(url + "/record");
        var bad = await badForm.SubmitAsync("main form", new() { ["Input.PeriodStart"] = new DateOnly(2025, 1, 15), ["Input.Value"] = "lots" });
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, corrected.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("A month starts on its first day, like 1 April 2026", bad.ErrorSummary);
        Assert.Contains("Value must be a number, like 94.5", bad.ErrorSummary);
        var chart = page.Document.QuerySelector("figure svg[role=img]");
        Assert.NotNull(chart);
        Assert.Equal(15, page.Document.QuerySelectorAll("#data tbody tr").Length);
        Assert.Contains("1,001 admissions", page.Text("#data"));
        Assert.False(string.IsNullOrWhiteSpace(page.Text("#spc-summary")));
        await using var scope = App.Database(system.Id);
        var correction = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "ObservationCorrected", Ct);
        Assert.Equal("995", AuditLog.ReadFields(correction.BeforeJson)["Value"]);
        Assert.Equal("1,001", AuditLog.ReadFields(correction.AfterJson)["Value"]);
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

    [Fact]
    public async Task EditMeasure_ReportsEveryBadField_ThenSavesTrajectoryAndGeography_AndAStaleEditIsAConflict()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var firstForm = await lead.GetAsync(url + "/edit");
        var staleForm = await lead.GetAsync(url + "/edit");

        var bad = await firstForm.SubmitAsync("main form", new()
        {
            ["Input.Trajectory"] = "2025-01-01, 950\nsoon, 900\n2025-02-15, 940", ["Input.ReleaseLag"] = "a while", ["Input.Geography"] = "Area", ["Input.AreaCode"] = "",
        });
        var saved = await firstForm.SubmitAsync("main form", new()
        {
            ["Input.Trajectory"] = "2025-01-01, 950\n2025-02-01, 940\n2025-03-01, 930", ["Input.Geography"] = "Place", ["Input.PlaceId"] = system.PlaceId.ToString(),
            ["Input.ReleaseLag"] = "45 days", ["Input.Format"] = "Count",
        });
        var conflict = await staleForm.SubmitAsync("main form", new() { ["Input.Name"] = "Someone else's name" });
        for (var month = 1; month <= 3; month++)
        {
            var form = await lead.GetAsync(url + "/record");
            await form.SubmitAsync("main form", new() { ["Input.PeriodStart"] = new DateOnly(2025, month, 1), ["Input.Value"] = "960" });
        }
        var page = await lead.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Trajectory line 2: write the period and the value, like April 2026, 78", bad.ErrorSummary);
        Assert.Contains("Write the lag as a number of days, weeks or months, like 18 months or 10 days", bad.ErrorSummary);
        Assert.Contains("Enter the ONS or ODS area code, letters and digits like E38000014 or RF4", bad.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("Westford", page.Text("main"));
        Assert.Contains("Monthly, 45 days after the period ends", page.Text("main"));
        Assert.Equal(["950 admissions", "940 admissions", "930 admissions"],
            page.Document.QuerySelectorAll("#data tbody tr").Reverse().Select(r => PageClient.Spoken(r.Children[2])));
        Assert.Contains(">Trajectory<", page.Document.QuerySelector("figure svg")!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebase_StartsNewLimits_SoAStepUpIsNoLongerSpecialCauseConcern_AndCanBeRemoved()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var url = await DefineAsync(lead, system);
        var api = await ApiClient.ForAsync(App, system.TrustLead);
        var values = new[] { 80.0, 82, 79, 81, 80, 83, 78, 80, 81, 79, 82, 80, 90, 92, 89, 91, 90, 93, 88, 90, 91, 89, 92, 90 };
        var csv = "period,value\n" + string.Concat(values.Select((v, i) => FormattableString.Invariant($"{new DateOnly(2023, 1, 1).AddMonths(i):yyyy-MM-dd},{v}\n")));
        var imported = await api.PostAsync(url.Replace("/systems/", "/api/v1/systems/", StringComparison.Ordinal) + "/imports",
            new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        string LastReading(PageResponse p) => PageClient.Spoken(p.Document.QuerySelector("#data tbody tr")!.Children[^2]);
        var before = await lead.GetAsync(url);

        var missingReason = await before.SubmitAsync("form[action*='handler=Rebase']", new() { ["Rebase.PeriodStart"] = new DateOnly(2024, 1, 1), ["Rebase.Reason"] = "" });
        var rebased = await before.SubmitAsync("form[action*='handler=Rebase']", new() { ["Rebase.PeriodStart"] = new DateOnly(2024, 1, 1), ["Rebase.Reason"] = "New pathway from January 2024" });
        var after = await lead.GetAsync(url);
        var removed = await after.SubmitAsync("form[action*='handler=RemoveRebase']", new());
        var afterRemoval = await lead.GetAsync(url);

        Assert.Equal("special cause concern", LastReading(before));
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.Status);
        Assert.Contains("Say why the process changed, like \"new pathway from April 2018\"", missingReason.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, rebased.Status);
        Assert.Equal("common cause", LastReading(after));
        Assert.Contains("New pathway from January 2024", after.Text("#rebases + ul"));
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal("special cause concern", LastReading(afterRemoval));
    }
}

public sealed class MeasurePagesSqliteTests(SqliteApp app) : MeasurePagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class MeasurePagesPostgresTests(PostgresApp app) : MeasurePagesTests(app, DatabaseKind.Postgres);
