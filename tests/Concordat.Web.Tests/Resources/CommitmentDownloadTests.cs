using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Measures.Import;
using Concordat.Core.Resources;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Resources;

/// <summary>Every commitment and request in one view, and as CSV: what was asked for, what the owner gave, and who answered.</summary>
public abstract class CommitmentDownloadTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task CommitmentsAndRequests_ArePagedAndDownloaded_WithWhatWasAskedAndWhatWasGiven()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (trustContribution, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (resourceId, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));

        async Task<string> CommitAsync(HttpClient client, Guid contributionId, double quantity)
        {
            var response = await ResourceApi.CommitAsync(client, system, contributionId, resourceId, quantity, "2027-01-01", "2027-12-31");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return $"/api/v1/systems/{system.Id}/commitments/{(await response.JsonAsync())["id"]}";
        }
        await CommitAsync(councilLead, councilContribution, 20);
        var accepted = await CommitAsync(trustLead, trustContribution, 60);
        Assert.Equal(HttpStatusCode.OK, (await councilLead.PostAsJsonAsync($"{accepted}/accept", new { quantity = 40, endsOn = "2027-06-30" }, Ct)).StatusCode);
        var declined = await CommitAsync(trustLead, trustContribution, 10);
        Assert.Equal(HttpStatusCode.OK, (await councilLead.PostAsJsonAsync($"{declined}/decline", new { reason = "Booked for flu clinics, \"all winter\"" }, Ct)).StatusCode);
        await CommitAsync(trustLead, trustContribution, 5);
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await viewer.GetAsync($"/systems/{system.Id}/resources/commitments");
        var csv = await viewer.Http.GetAsync(page.Document.QuerySelector("main p a[download]")!.GetAttribute("href"), Ct);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(4, page.Document.QuerySelectorAll("#commitments tbody tr").Length);
        Assert.Contains("Booked for flu clinics", page.Text("#commitments"));
        Assert.Equal((HttpStatusCode.OK, "text/csv", "commitments-and-requests.csv"),
            (csv.StatusCode, csv.Content.Headers.ContentType!.MediaType, csv.Content.Headers.ContentDisposition!.FileNameStar));
        var rows = TabularFile.Read(new MemoryStream(await csv.Content.ReadAsByteArrayAsync(Ct)), "c.csv").Select(r => r.Cells).ToList();
        Assert.Equal<string?>(CommitmentTable.Header, rows[0]);
        Assert.Equal(5, rows.Count);
        var column = CommitmentTable.Header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        string?[] Cells(int row, params string[] names) => [.. names.Select(n => rows[row][column[n]])];
        string[] shape = ["status", "counts", "requested_quantity", "requested_ends_on", "accepted_quantity", "accepted_ends_on", "answered_by", "decline_reason"];
        // Newest first: the request still waiting, the one declined, the one accepted for less and for a shorter time, the council's own.
        Assert.Equal(["Requested", "no", "5", "2027-12-31", "", "", "", ""], Cells(1, shape));
        Assert.Equal(["Declined", "no", "10", "2027-12-31", "", "", "Cath Council", "Booked for flu clinics, \"all winter\""], Cells(2, shape));
        Assert.Equal(["Committed", "yes", "60", "2027-12-31", "40", "2027-06-30", "Cath Council", ""], Cells(3, shape));
        Assert.Equal(["Committed", "yes", "20", "2027-12-31", "20", "2027-12-31", "", ""], Cells(4, shape));
        Assert.Equal(["Harbour Street clinic, first floor", "Westford Council", "Westford Hospitals NHS Trust", "m²", "Luke Lead"],
            Cells(3, "resource", "owner", "requested_by", "unit", "asked_by"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", rows[2][column["answered_at_utc"]]);
    }
}

public sealed class CommitmentDownloadSqliteTests(SqliteApp app) : CommitmentDownloadTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class CommitmentDownloadPostgresTests(PostgresApp app) : CommitmentDownloadTests(app, DatabaseKind.Postgres);
