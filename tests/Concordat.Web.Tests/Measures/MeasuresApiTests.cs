using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Measures;

public abstract class MeasuresApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task DefineRecordAndRead_ReturnsEachPointsReading()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var created = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Four-hour performance", definition = "Seen within 4 hours / all attendances", unit = "%", frequency = "Monthly",
            improvement = "Increase", target = 95, ownerOrganisationId = system.TrustId,
        }, Ct);
        var url = created.Headers.Location!.ToString();
        var values = new[] { 80.0, 81, 79, 80, 82, 81, 80, 79, 81, 80, 82, 81, 90, 91, 92, 93, 94, 95, 96 };
        HttpResponseMessage last = null!;
        for (var i = 0; i < values.Length; i++)
        {
            last = await lead.PostAsJsonAsync($"{url}/observations", new { periodStart = new DateOnly(2024, 1, 1).AddMonths(i), value = values[i] }, Ct);
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }
        var measure = await last.JsonAsync();
        var list = await (await lead.GetAsync($"/api/v1/systems/{system.Id}/measures", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(values.Length, measure["observations"]!.AsArray().Count);
        Assert.Equal("improvement_high", measure["variationIcon"]!.GetValue<string>());
        Assert.Equal("special_cause_improvement", measure["observations"]!.AsArray()[^1]!["pointType"]!.GetValue<string>());
        Assert.Equal("Four-hour performance", Assert.Single(list.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadInputAndPermissions_AreEnforced()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var invalid = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new { name = "", ownerOrganisationId = system.TrustId }, Ct);
        var forCouncil = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Theirs", definition = "x", unit = "%", frequency = "Monthly", improvement = "Increase", ownerOrganisationId = system.CouncilId,
        }, Ct);
        var created = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Ours", definition = "x", unit = "%", frequency = "Monthly", improvement = "Increase", ownerOrganisationId = system.TrustId,
        }, Ct);
        var url = created.Headers.Location!.ToString();
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PostAsJsonAsync($"{url}/observations", new { periodStart = "2025-01-01", value = 1 }, Ct);
        var midMonth = await lead.PostAsJsonAsync($"{url}/observations", new { periodStart = "2025-01-15", value = 1 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal("A month starts on its first day, like 1 April 2026", (await midMonth.JsonAsync())["errors"]!["PeriodStart"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ChangingOnlyTheTrajectory_RenewsTheVersion_SoAStaleEditIsRefused()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var definition = new
        {
            name = "Four-hour performance", definition = "Seen within 4 hours / all attendances", unit = "%", format = "Percentage", frequency = "Monthly",
            improvement = "Increase", target = 95, ownerOrganisationId = system.TrustId,
        };
        var created = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", definition, Ct);
        var url = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!.ToString();

        var first = await lead.PutJsonAsync(url, new
        {
            definition.name, definition.definition, definition.unit, definition.format, definition.frequency, definition.improvement, definition.target,
            definition.ownerOrganisationId, trajectory = new[] { new { periodStart = "2026-04-01", value = 80 } },
        }, etag);
        var stale = await lead.PutJsonAsync(url, new
        {
            definition.name, definition.definition, definition.unit, definition.format, definition.frequency, definition.improvement, definition.target,
            definition.ownerOrganisationId, trajectory = new[] { new { periodStart = "2026-04-01", value = 70 } },
        }, etag);
        var measure = await (await lead.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(80, measure["trajectory"]![0]!["value"]!.GetValue<double>());
    }
}

public sealed class MeasuresApiSqliteTests(SqliteApp app) : MeasuresApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class MeasuresApiPostgresTests(PostgresApp app) : MeasuresApiTests(app, DatabaseKind.Postgres);
