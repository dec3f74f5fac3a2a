using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Resources;

public abstract class PooledFundsApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task BetterCareFund_TotalsReconcile_SchemesServeGoals_AndOnlyTheHostOrAConvenorChangesIt()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var created = await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/pooled-funds", new
        {
            name = "Westford Better Care Fund 2026/27", type = "BetterCareFund", hostOrganisationId = system.CouncilId,
            poolManager = "Amira Khan, Head of Integrated Commissioning", financialYear = "2026/27",
        }, Ct);
        var url = created.Headers.Location!.ToString();
        var invalid = await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/pooled-funds", new { type = "BetterCareFund", hostOrganisationId = system.CouncilId, financialYear = "2026/28" }, Ct);
        var hostedByTrust = await councilLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/pooled-funds", new
        {
            name = "Trust pool", type = "Section75", hostOrganisationId = system.TrustId, poolManager = "x", financialYear = "2026/27",
        }, Ct);

        await councilLead.PutAsJsonAsync($"{url}/contributions/{system.IcbId}", new { amount = 1_250_000.50m }, Ct);
        await councilLead.PutAsJsonAsync($"{url}/contributions/{system.CouncilId}", new { amount = 400_000m }, Ct);
        await councilLead.PostAsJsonAsync($"{url}/schemes", new { name = "Discharge to assess", amount = 900_000m, goalIds = new[] { goalId } }, Ct);
        var last = await councilLead.PostAsJsonAsync($"{url}/schemes", new { name = "Carers' breaks", amount = 300_000m }, Ct);
        var byTrust = await trustLead.PostAsJsonAsync($"{url}/schemes", new { name = "Not theirs", amount = 1m }, Ct);
        var badAmount = await councilLead.PutAsJsonAsync($"{url}/contributions/{system.TrustId}", new { amount = 10.005m }, Ct);
        var fund = await last.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["FinancialYear", "Name", "PoolManager"], (await invalid.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, hostedByTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTrust.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAmount.StatusCode);
        var paidIn = fund["contributions"]!.AsArray().Sum(c => c!["amount"]!.GetValue<decimal>());
        var allocated = fund["schemes"]!.AsArray().Sum(s => s!["amount"]!.GetValue<decimal>());
        Assert.Equal(1_650_000.50m, paidIn);
        Assert.Equal(paidIn, fund["paidIn"]!.GetValue<decimal>());
        Assert.Equal(allocated, fund["allocated"]!.GetValue<decimal>());
        Assert.Equal(paidIn - allocated, fund["unallocated"]!.GetValue<decimal>());
        Assert.Equal(goalId.ToString(), fund["schemes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Discharge to assess")!["goalIds"]![0]!.GetValue<string>());
    }
}

public sealed class PooledFundsApiSqliteTests(SqliteApp app) : PooledFundsApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PooledFundsApiPostgresTests(PostgresApp app) : PooledFundsApiTests(app, DatabaseKind.Postgres);
