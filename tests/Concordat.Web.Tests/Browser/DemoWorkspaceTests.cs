using Concordat.Core.Demo;
using Concordat.Core.Measures;
using Concordat.Spc;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Browser;

/// <summary>The demo a newcomer sees: every goal measured with current data, and the three readings Making Data Count teaches.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class DemoWorkspaceTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryGoalHasACurrentMeasure_ShowingImprovementConcernAndCommonCause_AndTheRealAeSeriesKeepItsDates()
    {
        var ct = TestContext.Current.CancellationToken;
        Guid systemId;
        await using (var lookup = browser.App.Database())
        {
            systemId = await lookup.Db.Systems.Where(s => s.Name == DemoWorkspace.SystemName).Select(s => s.Id).SingleAsync(ct);
        }
        await using var scope = browser.App.Database(systemId);
        var lastMonth = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1).AddMonths(-1);
        // Other journeys add goals to the same demo system; the demo's own were all made before its last measure.
        var seeded = await scope.Db.Measures.Where(m => m.Source == DemoMeasures.Source).MaxAsync(m => m.CreatedAtUtc, ct);
        var goals = await scope.Db.Goals.Where(g => g.CreatedAtUtc <= seeded).Select(g => g.Id).ToListAsync(ct);
        Assert.Equal(4, goals.Count);
        var measures = scope.Get<MeasureService>();

        foreach (var goal in goals)
        {
            Assert.Contains(await measures.ListAsync(goal, ct), m => m.LatestPeriod >= lastMonth && !m.IsStale);
        }
        var all = await measures.ListAsync(null, ct);
        var current = all.Where(m => m.LatestPeriod >= lastMonth).ToList();
        Assert.Contains(current, m => m.Variation == VariationIcon.ImprovementLow);
        Assert.Contains(current, m => m.Variation is VariationIcon.ConcernLow or VariationIcon.ConcernHigh);
        Assert.Contains(current, m => m.Variation == VariationIcon.CommonCause);
        Assert.All(current, m => Assert.False(m.IsProvisional));
        var ae = Assert.Single(all, m => m.Name == "A&E four-hour performance (type 1)");
        Assert.Equal(new DateOnly(2019, 3, 1), ae.LatestPeriod);
        Assert.Equal(6, await scope.Db.Measures.CountAsync(m => m.Source == DemoMeasures.Source, ct));
    }
}
