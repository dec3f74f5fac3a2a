using System.Xml.Linq;
using Concordat.Spc.Charts;

namespace Concordat.Spc.Tests;

/// <summary>Every series of the real A&amp;E data, three measures each: no exceptions and every invariant holds.</summary>
public sealed class AeAttendancesTests
{
    private static readonly IReadOnlyList<AeSeries> All = AeAttendances.Load();

    [Fact]
    public void Data_Has428SeriesOf38295Points()
    {
        Assert.Equal(428, All.Count);
        Assert.Equal(12765, All.Sum(s => s.Periods.Length));
    }

    [Fact]
    public void EverySeries_AnalysesWithInvariantsHolding()
    {
        var analysed = 0;
        foreach (var series in All)
        {
            foreach (var (measure, values, options) in series.Measures())
            {
                var analysis = XmrAnalysis.Analyse(values, options);
                Invariants.Check(analysis, [.. values.Select(v => (double?)v)]);
                analysed += analysis.Count;
            }
        }

        Assert.Equal(38295, analysed);
    }

    [Fact]
    public void EverySeries_SignalsSomewhere()
    {
        // Real monthly A&E data is full of special causes; a run that found none would mean the rules never ran.
        var special = All.SelectMany(s => s.Measures())
            .Select(m => XmrAnalysis.Analyse(m.Values, m.Options))
            .Count(a => a.Points.Any(p => p.IsSpecialCause));

        Assert.True(special > 1284 / 2, $"{special} of 1284 analyses have a special cause");
    }

    [Fact]
    public void EverySeries_ChartsAndSummariesRender()
    {
        foreach (var series in All)
        {
            var labels = new SpcLabels { MeasureName = series.Name, PeriodLabels = SpcLabels.FormatPeriods(series.Periods) };
            foreach (var (_, values, options) in series.Measures())
            {
                var analysis = XmrAnalysis.Analyse(values, options);
                var svg = XDocument.Parse(XmrChart.ToSvg(analysis, new XmrChartOptions { Labels = labels }));
                Assert.Equal(values.Length, ChartTests.Dots(svg).Count());
                Assert.NotEmpty(XmrSummary.Describe(analysis, labels).Text);
            }
        }
    }
}
