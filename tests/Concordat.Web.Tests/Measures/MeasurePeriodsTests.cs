using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.History;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Measures;

/// <summary>
/// Time as public data keeps it: pooled and academic periods imported and shown as published, staleness from each
/// measure's publication schedule, and targets agreed relative to a baseline.
/// </summary>
public abstract class MeasurePeriodsTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static async Task<(string Url, string ETag)> DefineAsync(HttpClient client, TestSystem system, string name, string frequency, object? extra = null)
    {
        var body = new JsonObject
        {
            ["name"] = name, ["definition"] = "As OHID publishes it", ["unit"] = "years", ["format"] = "Number",
            ["frequency"] = frequency, ["improvement"] = "Increase", ["ownerOrganisationId"] = system.TrustId,
        };
        foreach (var (key, value) in extra is null ? [] : System.Text.Json.JsonSerializer.SerializeToNode(extra, System.Text.Json.JsonSerializerOptions.Web)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }
        var created = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (created.Headers.Location!.AbsolutePath, created.Headers.ETag!.ToString());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string url, string csv) =>
        client.PostAsync($"{url}/imports", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    private static string[] Problems(JsonNode problem) =>
        [.. problem["problems"]!.AsArray().Select(p => $"{p!["row"]}|{p["reason"]}")];

    private static string PageOf(string apiUrl) => apiUrl.Replace("/api/v1", "", StringComparison.Ordinal);

    [Fact]
    public async Task PooledAndAcademicPeriods_ImportAsPublished_RefuseTheWrongType_AndShowAsPublished_WithTheOverlapSaid()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var noPool = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Life expectancy", definition = "x", unit = "years", frequency = "PooledYears", improvement = "Increase", ownerOrganisationId = system.TrustId,
        }, Ct);
        var (pooled, _) = await DefineAsync(lead, system, "Life expectancy at birth", "PooledYears", new { poolYears = 3 });
        var (academic, _) = await DefineAsync(lead, system, "Good level of development", "AcademicYear", new { unit = "%", format = "Percentage" });

        var wrongPools = await ImportAsync(lead, pooled, "period,value\n2019/20,79\n2019 - 22,79\n2020,79\n2019 - 21,79\n2019-01-01,79\n");
        var pools = await ImportAsync(lead, pooled, "period,value\n2018 - 20,79.1\n2016 - 18,79.4\n2017–19,79.5\n2019 - 21,78.7\n");
        var wrongYears = await ImportAsync(lead, academic, "period,value\n2023 Q1,60\n2023/24 Q1,60\n2023-04-01,60\n");
        var years = await ImportAsync(lead, academic, "period,value\n2022/23,67.2\n2023/24,67.7\n");
        var measure = await (await lead.GetAsync(pooled, Ct)).JsonAsync();
        var academicMeasure = await (await lead.GetAsync(academic, Ct)).JsonAsync();
        var page = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(PageOf(pooled));
        var csv = await (await lead.GetAsync($"{pooled}/data.csv", Ct)).Content.ReadAsStringAsync(Ct);
        var list = await (await lead.GetAsync($"/api/v1/systems/{system.Id}/measures", Ct)).JsonAsync();
        var listPage = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/measures");

        Assert.Equal(HttpStatusCode.BadRequest, noPool.StatusCode);
        Assert.Contains("Enter how many years each pooled period holds, a whole number from 2 to 10, like 3 for 2019 - 21",
            (await noPool.JsonAsync())["errors"]!["PoolYears"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
        [
            "2|\"2019/20\" is not a period of 3 pooled years; write it like 2019 - 21 (the 3 years from 2019), or 2019-01-01",
            "3|\"2019 - 22\" is not a period of 3 pooled years; write it like 2019 - 21 (the 3 years from 2019), or 2019-01-01",
            "4|\"2020\" is not a period of 3 pooled years; write it like 2019 - 21 (the 3 years from 2019), or 2019-01-01",
            "6|2019 - 21 appears twice (rows 5 and 6)",
        ], Problems(await wrongPools.JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, pools.StatusCode);
        Assert.Equal(["2016 - 18", "2017 - 19", "2018 - 20", "2019 - 21"], measure["observations"]!.AsArray().Select(o => o!["period"]!.GetValue<string>()));
        Assert.Equal("2019-01-01", measure["observations"]![3]!["periodStart"]!.GetValue<string>());
        Assert.Equal(3, measure["poolYears"]!.GetValue<int>());
        Assert.Contains("the points overlap", measure["periodsOverlap"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
        [
            "2|\"2023 Q1\" is not an academic year; write it like 2026/27 (from 1 September 2026), or 2026-09-01",
            "3|\"2023/24 Q1\" is not an academic year; write it like 2026/27 (from 1 September 2026), or 2026-09-01",
            "4|1 April 2023 does not start an academic year: an academic year starts on 1 September",
        ], Problems(await wrongYears.JsonAsync()));
        Assert.Equal(HttpStatusCode.OK, years.StatusCode);
        Assert.Equal([("2022-09-01", "2022/23"), ("2023-09-01", "2023/24")],
            academicMeasure["observations"]!.AsArray().Select(o => (o!["periodStart"]!.GetValue<string>(), o["period"]!.GetValue<string>())));
        Assert.Null(academicMeasure["periodsOverlap"]);
        Assert.Equal(["2019 - 21", "2018 - 20", "2017 - 19", "2016 - 18"], page.Document.QuerySelectorAll("#data tbody tr").Select(r => PageClient.Spoken(r.Children[0])));
        Assert.Contains("shares 2 years with the point before", page.Document.QuerySelector("#overlap")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(">2019 - 21<", page.Document.QuerySelector("figure svg")!.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Pooled years, rolling: 3 years in each period", page.Text("main"), StringComparison.Ordinal);
        Assert.StartsWith("measure,unit,period,period_start,period_end,", csv, StringComparison.Ordinal);
        Assert.Equal(["2023/24", "2019 - 21"], list.AsArray().Select(m => m!["latestPeriodName"]!.GetValue<string>()).Order(StringComparer.Ordinal).Reverse());
        Assert.Contains("2019 - 21", listPage.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Life expectancy at birth,years,2019 - 21,2019-01-01,2021-12-31,78.7,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APublicationSchedule_DecidesWhenDataIsOutOfDate_AndAFingertipsImportSetsAnnualWithAnEighteenMonthLag()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (annual, _) = await DefineAsync(lead, system, "Smoking prevalence", "Annual", new { releasedEvery = "Annual", releaseLag = 18, releaseLagUnit = "Months" });
        var badLag = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Weekly", definition = "x", unit = "beds", frequency = "Weekly", improvement = "Increase", ownerOrganisationId = system.TrustId, releaseLag = 40, releaseLagUnit = "Months",
        }, Ct);
        // Two years back, the next year's release is due by 30 June next year: current whatever today is. Four years back it is overdue.
        await ImportAsync(lead, annual, $"period,value\n{today.Year - 4},14.1\n");
        var overdue = await (await lead.GetAsync(annual, Ct)).JsonAsync();
        await ImportAsync(lead, annual, $"period,value\n{today.Year - 2},13.0\n");
        var current = await (await lead.GetAsync(annual, Ct)).JsonAsync();
        var page = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(PageOf(annual));

        var (fingertips, _) = await DefineAsync(lead, system, "Smoking at time of delivery", "FinancialYear", new { sourceKind = "Fingertips", source = "93085" });
        var before = await (await lead.GetAsync(fingertips, Ct)).JsonAsync();
        var imported = await ImportAsync(lead, fingertips, TestFiles.FingertipsHeader + "\n" + TestFiles.FingertipsRow("93085", "E38000014", "2019/20", "11.2", "10.5", "11.9", "412", "3680"));
        var after = await (await lead.GetAsync(fingertips, Ct)).JsonAsync();
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "ObservationsImported" && e.EntityName == "Smoking at time of delivery", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, badLag.StatusCode);
        Assert.Equal("The lag before publication must be a whole number from 0 to 36 months", (await badLag.JsonAsync())["errors"]!["ReleaseLag"]![0]!.GetValue<string>());
        Assert.True(overdue["isStale"]!.GetValue<bool>());
        Assert.Equal($"{today.Year - 1}-06-30", overdue["nextReleaseExpectedBy"]!.GetValue<string>());
        Assert.False(current["isStale"]!.GetValue<bool>());
        Assert.Equal($"{today.Year + 1}-06-30", current["nextReleaseExpectedBy"]!.GetValue<string>());
        Assert.Equal(("Annual", 18, "Months"), (current["releasedEvery"]!.GetValue<string>(), current["releaseLag"]!.GetValue<int>(), current["releaseLagUnit"]!.GetValue<string>()));
        Assert.Contains($"Next release expected by 30 June {today.Year + 1}, with {today.Year - 1}", page.Document.QuerySelector("#next-release")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Annually, 18 months after the period ends", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(12, before["releaseLag"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(("Annual", 18, "Months"), (after["releasedEvery"]!.GetValue<string>(), after["releaseLag"]!.GetValue<int>(), after["releaseLagUnit"]!.GetValue<string>()));
        Assert.Equal("Annually, 18 months after the period ends", AuditLog.ReadFields(audit.AfterJson)["Publication schedule"]);
    }

    [Fact]
    public async Task ARelativeTarget_SetByTheSteward_BecomesTheTrajectory_InTheWordsItWasAgreedIn_FollowsTheBaseline_AndIsAudited()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var (url, etag) = await DefineAsync(lead, system, "Life expectancy at birth", "PooledYears", new { poolYears = 3 });
        await ImportAsync(lead, url, "period,value\n2016 - 18,79.4\n2017 - 19,79.5\n2018 - 20,79.1\n2019 - 21,78.7\n");
        etag = (await lead.GetAsync(url, Ct)).Headers.ETag!.ToString();
        var target = new { kind = "ChangeBy", amount = 2, baseline = "2018 - 20", by = "2028 - 30" };

        var noBaseline = await lead.PutJsonAsync($"{url}/relative-target", target with { baseline = "2010 - 12" }, etag);
        var bad = await lead.PutJsonAsync($"{url}/relative-target", new { kind = "Reach", amount = 81.0, baseline = "2018/19", by = "2017 - 19" }, etag);
        var byContributor = await (await ApiClient.ForAsync(App, system.CouncilContributor)).PutJsonAsync($"{url}/relative-target", target, "*");
        var set = await lead.PutJsonAsync($"{url}/relative-target", target, etag);
        var stale = await lead.PutJsonAsync($"{url}/relative-target", target with { amount = 3 }, etag);
        var measure = await set.JsonAsync();
        // A corrected baseline moves the line at once.
        await lead.PostAsJsonAsync($"{url}/observations", new { periodStart = "2018-01-01", value = 79.0 }, Ct);
        var corrected = await (await lead.GetAsync(url, Ct)).JsonAsync();
        var page = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(PageOf(url));
        var trajectoryEdit = await lead.PutJsonAsync(url, new
        {
            name = "Life expectancy at birth", definition = "As OHID publishes it", unit = "years", format = "Number", frequency = "PooledYears", poolYears = 3,
            improvement = "Increase", ownerOrganisationId = system.TrustId, trajectory = new[] { new { periodStart = "2022-01-01", value = 80 } },
        }, "*");
        var removed = await lead.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{url}/relative-target") { Headers = { { "If-Match", "*" } } }, Ct);
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.Where(e => e.Action == "MeasureTargetSet" || e.Action == "MeasureTargetRemoved").OrderBy(e => e.OccurredAtUtc).ToListAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noBaseline.StatusCode);
        Assert.Equal("There is no value for 2010 - 12 yet; record or import the baseline's value before setting a target from it",
            (await noBaseline.JsonAsync())["errors"]!["Baseline"]![0]!.GetValue<string>());
        var errors = (await bad.JsonAsync())["errors"]!;
        Assert.StartsWith("Baseline period \"2018/19\" is not a period of 3 pooled years; write it like 2019 - 21", errors["Baseline"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Enter what the value to reach is, like the England average", errors["Reference"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, byContributor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("Increase by 2 years from the 2018 - 20 value (79.1 years) by 2028 - 30", measure["relativeTarget"]!["inWords"]!.GetValue<string>());
        var line = measure["trajectory"]!.AsArray();
        Assert.Equal(10, line.Count);
        Assert.Equal(("2019 - 21", 79.3), (line[0]!["period"]!.GetValue<string>(), Math.Round(line[0]!["value"]!.GetValue<double>(), 6)));
        Assert.Equal(("2028 - 30", 81.1), (line[^1]!["period"]!.GetValue<string>(), Math.Round(line[^1]!["value"]!.GetValue<double>(), 6)));
        Assert.Equal(81.0, Math.Round(corrected["trajectory"]!.AsArray()[^1]!["value"]!.GetValue<double>(), 6));
        Assert.Equal("Increase by 2 years from the 2018 - 20 value (79 years) by 2028 - 30", page.Document.QuerySelector("#relative-target")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, trajectoryEdit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null((await removed.JsonAsync())["relativeTarget"]);
        Assert.Equal(["MeasureTargetSet", "MeasureTargetRemoved"], audit.Select(e => e.Action));
        Assert.Equal("Increase by 2 years from the 2018 - 20 value by 2028 - 30", AuditLog.ReadFields(audit[0].AfterJson)["Relative target"]);
    }

    [Fact]
    public async Task TheTargetPage_SavesATargetInTheAgreedWords_ReportsEachBadField_AndRefusesAStaleForm()
    {
        var system = await App.CreateSystemAsync();
        var api = await ApiClient.ForAsync(App, system.TrustLead);
        var (url, _) = await DefineAsync(api, system, "Good level of development", "AcademicYear", new { unit = "%", format = "Percentage" });
        await ImportAsync(api, url, "period,value\n2022/23,64\n2023/24,66\n");
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var form = await lead.GetAsync(PageOf(url) + "/target");
        var staleForm = await lead.GetAsync(PageOf(url) + "/target");

        var bad = await form.SubmitAsync("main form", new() { ["Input.Kind"] = "ChangeByPercent", ["Input.Amount"] = "a lot", ["Input.Baseline"] = "2023", ["Input.By"] = "" });
        var tooHigh = await form.SubmitAsync("main form", new() { ["Input.Kind"] = "ChangeByPercent", ["Input.Amount"] = "60", ["Input.Baseline"] = "2022/23", ["Input.By"] = "2029/30" });
        var saved = await form.SubmitAsync("main form", new()
        {
            ["Input.Kind"] = "Reach", ["Input.Amount"] = "68", ["Input.Reference"] = "the England average", ["Input.Baseline"] = "2022/23", ["Input.By"] = "2029/30",
        });
        var conflict = await staleForm.SubmitAsync("main form", new() { ["Input.Kind"] = "ChangeBy", ["Input.Amount"] = "3", ["Input.Baseline"] = "2022/23", ["Input.By"] = "2029/30" });
        var page = await lead.GetAsync(PageOf(url));
        var viewer = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(PageOf(url) + "/target");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Enter the change or the value to reach, as a number", bad.ErrorSummary);
        Assert.Contains("Baseline period \"2023\" is not an academic year; write it like 2026/27 (from 1 September 2026), or 2026-09-01", bad.ErrorSummary);
        Assert.Contains("Target period is empty; give the period, like 2026/27 (from 1 September 2026), or 2026-09-01", bad.ErrorSummary);
        Assert.Contains("The target would be 102.4, which must be a percentage from 0 to 100", tooHigh.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("Reach the England average (68.0%) from the 2022/23 value (64.0%) by 2029/30", page.Document.QuerySelector("#relative-target")!.TextContent.Trim());
        Assert.Contains("7 planned periods, 2023/24 to 2029/30", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.Status);
    }
}

public sealed class MeasurePeriodsSqliteTests(SqliteApp app) : MeasurePeriodsTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class MeasurePeriodsPostgresTests(PostgresApp app) : MeasurePeriodsTests(app, DatabaseKind.Postgres);
