using Concordat.Core.Strategy;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Asks;

/// <summary>The generated strategy says what the partners ask of national bodies and what they offer, and the deal struck; versions compare it.</summary>
public abstract class AskStrategyTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task TheStrategy_ListsTheAgreedAsks_AndTheDeal_NotTheDrafts_AndAComparisonShowsWhatChanged()
    {
        var systemId = await App.DemoAsync(Ct);
        await using var scope = App.Database(systemId);

        var document = await scope.Get<StrategyDocumentService>().BuildAsync(Ct);
        var markdown = document.ToMarkdown();
        var viewer = new PageClient(App.CreateClient());
        await viewer.SignInAsync("viewer@demo.concordat.example", Core.Demo.DemoWorkspace.Password);
        var page = await viewer.GetAsync($"/systems/{systemId}/strategy");
        var published = (await scope.Get<StrategyVersionService>().GetAsync(2, Ct)).Document();
        // The county council now says its side of the deal is at risk: the comparison with the published version says so.
        var pooling = document.Asks!.Single(a => a.IsDeal).Id;
        var countyLead = await scope.Db.Users.Where(u => u.Email == "publichealth.lead@demo.concordat.example").Select(u => u.Id).SingleAsync(Ct);
        var county = await ApiClient.ForAsync(App, new TestPerson(countyLead, "", "", ""));
        var askUrl = $"/api/v1/systems/{systemId}/asks/{pooling}";
        var assessed = await county.PutJsonAsync($"{askUrl}/conditions", new { status = "AtRisk", note = "The second return will be late." },
            (await county.GetAsync(askUrl, Ct)).Headers.ETag!.Tag);
        var comparison = await scope.Get<StrategyVersionService>().CompareAsync(2, null, Ct);

        Assert.Equal(["One joint review of the frailty pathway", "Pool the discharge funding with the council's reablement budget"],
            document.Asks!.Select(a => a.Title));
        var deal = Assert.Single(document.Asks!, a => a.IsDeal);
        Assert.Equal("Partly agreed", deal.Status);
        Assert.Equal("Being met", deal.ConditionsMet);
        Assert.StartsWith("One set of conditions and one quarterly return", deal.Granted, StringComparison.Ordinal);
        Assert.Contains("## What we need from national partners and what we offer", markdown, StringComparison.Ordinal);
        Assert.Contains("| Pool the discharge funding with the council's reablement budget | One set of conditions", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("blended payment", markdown, StringComparison.Ordinal);
        Assert.Equal(document.Asks!.Select(a => a.Title), published.Asks!.Select(a => a.Title));
        Assert.Equal(System.Net.HttpStatusCode.OK, assessed.StatusCode);
        var change = Assert.Single(comparison.Asks);
        Assert.Equal(ChangeKind.Changed, change.Change);
        Assert.Equal(("Being met", "At risk"), change.Fields.Where(f => f.Field == "Conditions being met").Select(f => (f.Before, f.After)).Single());
        Assert.Contains("## What we need from national partners and what we offer", comparison.ToMarkdown(), StringComparison.Ordinal);
        Assert.Equal(["Ask", "What was granted", "What we undertook", "Being met"],
            page.Document.QuerySelectorAll("#national-asks th").Select(th => th.TextContent.Trim()));
        Assert.Equal("Being met", page.Document.QuerySelectorAll("#national-asks td")[^1].TextContent.Trim());
    }
}

public sealed class AskStrategySqliteTests(SqliteApp app) : AskStrategyTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AskStrategyPostgresTests(PostgresApp app) : AskStrategyTests(app, DatabaseKind.Postgres);
