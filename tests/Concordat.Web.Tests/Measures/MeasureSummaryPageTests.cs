using System.Net;
using AngleSharp.Dom;
using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Spc;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Measures;

public abstract class MeasureSummaryPageTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<string> AddMeasureAsync(TestSystem system, string name, ImprovementDirection improvement, double? target, DateOnly lastPeriod, params double[] values)
    {
        await using var scope = App.Database(system.Id);
        var measure = new Measure
        {
            SystemId = system.Id, Name = name, Definition = name, Unit = "%", Frequency = MeasureFrequency.Monthly, Improvement = improvement,
            Target = target, OwnerOrganisationId = system.TrustId, CreatedAtUtc = DateTime.UtcNow,
        };
        scope.Db.Measures.Add(measure);
        for (var i = 0; i < values.Length; i++)
        {
            scope.Db.Observations.Add(new Observation
            {
                SystemId = system.Id, MeasureId = measure.Id, PeriodStart = lastPeriod.AddMonths(i - values.Length + 1), Value = values[i],
                RecordedAtUtc = DateTime.UtcNow, RecordedByName = "Test",
            });
        }
        await scope.Db.SaveChangesAsync(Ct);
        return $"/systems/{system.Id}/measures/{measure.Id}";
    }

    /// <summary>The row and column headers of the one cell that links to <paramref name="href"/>, read from the table's structure.</summary>
    private static (string Row, string Column, string RowName, string ColumnName) Position(PageResponse page, string href)
    {
        var link = Assert.Single(page.Document.QuerySelectorAll($"#summary a[href='{href}']"));
        var cell = link.Closest("td")!;
        var row = cell.ParentElement!;
        var header = page.Document.QuerySelectorAll("#summary thead th")[row.Children.ToList().IndexOf(cell)];
        return (PageClient.Spoken(row.QuerySelector("th[scope=row]")!), PageClient.Spoken(header), row.GetAttribute("data-variation")!, cell.GetAttribute("data-assurance")!);
    }

    [Fact]
    public async Task Matrix_PlacesEachMeasureByVariationAndAssurance_AndListsMeasuresWithoutData()
    {
        var system = await App.CreateSystemAsync();
        var thisMonth = UkCalendar.Today(TimeProvider.System);
        var recent = new DateOnly(thisMonth.Year, thisMonth.Month, 1).AddMonths(-1);
        // Twelve months around 80, then a sustained rise to about 90: higher is better, and a target of 70 sits below the lower limit.
        var rising = await AddMeasureAsync(system, "Vaccination uptake", ImprovementDirection.Increase, 70, recent,
            80, 81, 79, 80, 82, 81, 80, 79, 81, 80, 82, 81, 90, 91, 90, 92, 91, 90, 91);
        // Steady around 100.5 with no signal; the target of 101 lies between the limits. The data stopped in 2024.
        var flat = await AddMeasureAsync(system, "Bed occupancy", ImprovementDirection.Decrease, 101, new DateOnly(2024, 4, 1),
            100, 102, 99, 101, 100, 102, 99, 101, 100, 102, 99, 101, 100, 102, 99, 101);
        var empty = await AddMeasureAsync(system, "Social prescribing referrals", ImprovementDirection.Increase, null, recent);

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/measures/summary");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(("Special cause improvement (high values)", "Target consistently met", "improvement_high", "consistent_pass"), Position(page, rising));
        Assert.Equal(("Common cause variation", "Target hit and miss", "common_cause", "inconsistent"), Position(page, flat));
        Assert.DoesNotContain("Data out of date", page.Document.QuerySelector($"#summary a[href='{rising}']")!.ParentElement!.TextContent);
        Assert.Contains("Data out of date", page.Document.QuerySelector($"#summary a[href='{flat}']")!.ParentElement!.TextContent);
        Assert.Equal(7, page.Document.QuerySelectorAll("#summary tbody tr").Length);
        Assert.Equal(5, page.Document.QuerySelectorAll("#summary thead th").Length);
        Assert.Equal(26, page.Document.QuerySelectorAll("#summary td").Count(td => PageClient.Spoken(td) == "None"));
        Assert.Null(page.Document.QuerySelector($"#summary a[href='{empty}']"));
        Assert.NotNull(page.Document.QuerySelector($"#no-data a[href='{empty}']"));
    }

    [Fact]
    public async Task AMeasureOutOfDate_SaysItsNewestValueIsEarlierThanItShouldBe()
    {
        var system = await App.CreateSystemAsync();
        var stale = await AddMeasureAsync(system, "Bed occupancy", ImprovementDirection.Decrease, 101, new DateOnly(2024, 4, 1), 100, 102, 99);

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(stale);

        // Monthly data is usually published 2 months after the month: May 2024 by 31 July 2024.
        Assert.Contains("The newest value is for April 2024. The release with May 2024 was expected by 31 July 2024: the data is published monthly, 2 months after the period ends.",
            page.Text(".nhsuk-warning-callout"));
    }

    [Fact]
    public async Task MeasuresList_LinksToTheSummary_AndAPersonOfAnotherSystemGetsNotFound()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var summary = $"/systems/{system.Id}/measures/summary";

        var list = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/measures");
        var crossed = await (await PageClient.SignedInAsync(App, other.Convenor)).GetAsync(summary);

        Assert.NotNull(list.Document.QuerySelector($"a[href='{summary}']"));
        Assert.Equal(HttpStatusCode.NotFound, crossed.Status);
    }
}

public sealed class MeasureSummaryPageSqliteTests(SqliteApp app) : MeasureSummaryPageTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class MeasureSummaryPagePostgresTests(PostgresApp app) : MeasureSummaryPageTests(app, DatabaseKind.Postgres);
