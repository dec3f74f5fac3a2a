using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Measures.Import;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Partnerships;

/// <summary>Delegations read one at a time through the API, and taken away as CSV for one partner or the whole system.</summary>
public abstract class DelegationReadingTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly string Until = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> GrantAsync(HttpClient lead, TestSystem system, Guid organisationId, string capability)
    {
        var granted = await lead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/organisations/{organisationId}/delegations",
            new { capability, personId = system.Convenor.Id, until = Until });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(granted.Headers.Location!.AbsolutePath, $"/api/v1/systems/{system.Id}/organisations/{organisationId}/delegations/{(await granted.JsonAsync())["id"]}");
        return granted.Headers.Location!.AbsolutePath;
    }

    [Fact]
    public async Task OneDelegation_IsReadByAnyoneOfTheSystem_AndByNoOneElse()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var url = await GrantAsync(await ApiClient.ForAsync(App, system.TrustLead), system, system.TrustId, "MeasureData");
        var theirs = await GrantAsync(await ApiClient.ForAsync(App, other.TrustLead), other, other.TrustId, "Resources");
        var viewer = await ApiClient.ForAsync(App, system.Viewer);
        var outsider = await ApiClient.ForAsync(App, other.Convenor);

        var read = await viewer.GetAsync(url, Ct);
        var otherSystemsId = await viewer.GetAsync($"/api/v1/systems/{system.Id}/organisations/{system.TrustId}/delegations/{theirs.Split('/')[^1]}", Ct);
        var wrongOrganisation = await viewer.GetAsync(url.Replace(system.TrustId.ToString(), system.CouncilId.ToString(), StringComparison.Ordinal), Ct);
        var byOutsider = await outsider.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var body = await read.JsonAsync();
        Assert.Equal(("MeasureData", "Cara Convenor", Until, true, null),
            (body["capability"]!.GetValue<string>(), body["person"]!.GetValue<string>(), body["until"]!.GetValue<string>(), body["active"]!.GetValue<bool>(), body["revokedBy"]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, otherSystemsId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOutsider.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await (await ApiClient.ForAsync(App, system.TrustLead)).DeleteAsync(url, Ct)).StatusCode);
        var ended = await (await viewer.GetAsync(url, Ct)).JsonAsync();
        Assert.Equal((false, "Luke Lead"), (ended["active"]!.GetValue<bool>(), ended["revokedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task DelegationsCsv_ForOnePartnerOrTheWholeSystem()
    {
        var system = await App.CreateSystemAsync();
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        await GrantAsync(trustLead, system, system.TrustId, "MeasureData");
        var councilGrant = await GrantAsync(await ApiClient.ForAsync(App, system.CouncilLead), system, system.CouncilId, "Resources");
        Assert.Equal(HttpStatusCode.NoContent, (await (await ApiClient.ForAsync(App, system.Convenor)).DeleteAsync(councilGrant, Ct)).StatusCode);
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var partnerPage = await viewer.GetAsync($"/systems/{system.Id}/organisations/{system.TrustId}");
        var partnersPage = await viewer.GetAsync($"/systems/{system.Id}/organisations");
        var trustCsv = await viewer.Http.GetAsync(partnerPage.Document.QuerySelector("#delegations + p a[download]")!.GetAttribute("href"), Ct);
        var allCsv = await viewer.Http.GetAsync(partnersPage.Document.QuerySelector("main a[download]")!.GetAttribute("href"), Ct);

        Assert.Equal((HttpStatusCode.OK, "text/csv", "delegations.csv"), (trustCsv.StatusCode, trustCsv.Content.Headers.ContentType!.MediaType, trustCsv.Content.Headers.ContentDisposition!.FileNameStar));
        Assert.Equal((HttpStatusCode.OK, "text/csv", "all-delegations.csv"), (allCsv.StatusCode, allCsv.Content.Headers.ContentType!.MediaType, allCsv.Content.Headers.ContentDisposition!.FileNameStar));
        var trust = Rows(await trustCsv.Content.ReadAsByteArrayAsync(Ct));
        var all = Rows(await allCsv.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(["organisation", "work", "delegate", "until", "active", "granted_by", "granted_at_utc", "revoked_by", "revoked_at_utc"], trust[0]);
        Assert.Equal(2, trust.Count);
        Assert.Equal(["Westford Hospitals NHS Trust", "Its measures and their data", "Cara Convenor", Until, "yes", "Luke Lead"], trust[1].Take(6));
        Assert.Equal("", trust[1][8]);
        Assert.Equal(3, all.Count);
        Assert.Equal(["Westford Council", "Its resources", "Cara Convenor", Until, "no"], all[1].Take(5));
        Assert.Equal("Cara Convenor", all[1][7]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", all[1][8]);
        Assert.Equal(trust[1], all[2]);
    }

    private static List<string?[]> Rows(byte[] csv) => [.. TabularFile.Read(new MemoryStream(csv), "delegations.csv").Select(r => r.Cells)];
}

public sealed class DelegationReadingSqliteTests(SqliteApp app) : DelegationReadingTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class DelegationReadingPostgresTests(PostgresApp app) : DelegationReadingTests(app, DatabaseKind.Postgres);
