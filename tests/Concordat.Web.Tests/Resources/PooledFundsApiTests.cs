using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Resources;

public abstract class PooledFundsApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task BetterCareFund_TotalsReconcile_SchemesServeGoals_OnlyTheHostCommitsSpending_AndEachPartnerConfirmsItsOwnPayment()
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

        // The host proposes what the trust and the ICB pay; only the trust's lead can make its amount count.
        var proposedForTrust = await councilLead.PutAsJsonAsync($"{url}/contributions/{system.TrustId}", new { amountInPence = 1_250_000_50L }, Ct);
        await councilLead.PutAsJsonAsync($"{url}/contributions/{system.IcbId}", new { amountInPence = 9_000_000_00L }, Ct);
        var setByConvenor = await convenor.PutAsJsonAsync($"{url}/contributions/{system.IcbId}", new { amountInPence = 1L }, Ct);
        var confirmedByHost = await councilLead.PostAsync($"{url}/contributions/{system.TrustId}/confirm", null, Ct);
        var confirmed = await trustLead.PostAsync($"{url}/contributions/{system.TrustId}/confirm", null, Ct);
        var trustSetsCouncils = await trustLead.PutAsJsonAsync($"{url}/contributions/{system.CouncilId}", new { amountInPence = 1L }, Ct);
        await councilLead.PutAsJsonAsync($"{url}/contributions/{system.CouncilId}", new { amountInPence = 400_000_00L }, Ct);
        await councilLead.PostAsJsonAsync($"{url}/schemes", new { name = "Discharge to assess", amountInPence = 900_000_00L, goalIds = new[] { goalId } }, Ct);
        var last = await councilLead.PostAsJsonAsync($"{url}/schemes", new { name = "Carers' breaks", amountInPence = 300_000_00L }, Ct);
        var byTrust = await trustLead.PostAsJsonAsync($"{url}/schemes", new { name = "Not theirs", amountInPence = 100L }, Ct);
        var byConvenor = await convenor.PostAsJsonAsync($"{url}/schemes", new { name = "Not theirs either", amountInPence = 100L }, Ct);
        var badAmount = await trustLead.PutAsJsonAsync($"{url}/contributions/{system.TrustId}", new { amountInPence = -1L }, Ct);
        var scheme = await last.JsonAsync();
        var fund = await (await councilLead.GetAsync(url, Ct)).JsonAsync();

        var proposal = (await proposedForTrust.JsonAsync())["contributions"]!.AsArray().Single(c => c!["organisationId"]!.GetValue<string>() == system.TrustId.ToString())!;
        Assert.Equal((0L, 1_250_000_50L), (proposal["amountInPence"]!.GetValue<long>(), proposal["proposedInPence"]!.GetValue<long>()));
        Assert.Equal(0L, (await proposedForTrust.JsonAsync())["paidInPence"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.Forbidden, setByConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirmedByHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trustSetsCouncils.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal("Carers' breaks", scheme["name"]!.GetValue<string>());
        var icb = fund["contributions"]!.AsArray().Single(c => c!["organisationId"]!.GetValue<string>() == system.IcbId.ToString())!;
        Assert.Equal((0L, 9_000_000_00L), (icb["amountInPence"]!.GetValue<long>(), icb["proposedInPence"]!.GetValue<long>()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["FinancialYear", "Name", "PoolManager"], (await invalid.JsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, hostedByTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTrust.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAmount.StatusCode);
        var paidIn = fund["contributions"]!.AsArray().Sum(c => c!["amountInPence"]!.GetValue<long>());
        var allocated = fund["schemes"]!.AsArray().Sum(s => s!["amountInPence"]!.GetValue<long>());
        Assert.Equal(1_650_000_50L, paidIn);
        Assert.Equal(paidIn, fund["paidInPence"]!.GetValue<long>());
        Assert.Equal(allocated, fund["allocatedInPence"]!.GetValue<long>());
        Assert.Equal(paidIn - allocated, fund["unallocatedInPence"]!.GetValue<long>());
        Assert.Equal(goalId.ToString(), fund["schemes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Discharge to assess")!["goalIds"]![0]!.GetValue<string>());
    }
}

public sealed class PooledFundsApiSqliteTests(SqliteApp app) : PooledFundsApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PooledFundsApiPostgresTests(PostgresApp app) : PooledFundsApiTests(app, DatabaseKind.Postgres);
