using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Partnerships;

public abstract class HomePageTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task ALeadsHome_ListsThePositionsTheirOrganisationOwes_WithTheClosingDate_UntilTheyAreRecorded()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId);
        var trustHome = await PageClient.SignedInAsync(App, system.TrustLead);
        var viewerHome = await PageClient.SignedInAsync(App, system.Viewer);

        var before = await trustHome.GetAsync($"/systems/{system.Id}");
        var viewer = await viewerHome.GetAsync($"/systems/{system.Id}");
        await GoalApi.PositionAsync(await ApiClient.ForAsync(App, system.TrustLead), system, roundId, system.TrustId, "Consent");
        var after = await trustHome.GetAsync($"/systems/{system.Id}");

        var owed = before.Document.QuerySelectorAll("#waiting-list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Record Westford Hospitals NHS Trust's position on Fewer emergency admissions of frail older people"], owed);
        Assert.Contains($"/rounds/{roundId}/position", before.Document.QuerySelector("#waiting-list a")!.GetAttribute("href"));
        Assert.StartsWith("The round closes on ", before.Text("#waiting-list .nhsuk-body-s"));
        Assert.Null(viewer.Document.QuerySelector("#waiting"));
        Assert.Null(after.Document.QuerySelector("#waiting"));
    }
}

public sealed class HomePageSqliteTests(SqliteApp app) : HomePageTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class HomePagePostgresTests(PostgresApp app) : HomePageTests(app, DatabaseKind.Postgres);
