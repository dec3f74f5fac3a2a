using System.Xml.Linq;
using Concordat.Spc.Charts;

namespace Concordat.Spc.Tests;

/// <summary>The SVG chart, sparkline and icons: valid XML, accessible, one coloured dot per value, deterministic.</summary>
public sealed class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // Ends in a shift above the mean (8 points) after a quiet start; one missing value.
    private static readonly double?[] Values = Series.Concat(Series.Alternating(12, centre: 10), [null, 12, 13, 12, 13, 12, 13, 12, 13]);

    private static readonly SpcLabels Labels = new()
    {
        MeasureName = "Discharges before noon",
        Unit = "%",
        PeriodLabels = SpcLabels.FormatPeriods([.. Enumerable.Range(0, 21).Select(i => new DateOnly(2017, 4, 1).AddMonths(i))]),
    };

    private static XmrAnalysis Analysis(SpcOptions? options = null) =>
        XmrAnalysis.Analyse(Values, options ?? new SpcOptions { BaselinePointCount = 12, Target = 11 });

    internal static IEnumerable<XElement> Dots(XDocument svg) =>
        svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "spc-points").Elements(Svg + "circle");

    [Fact]
    public void Chart_IsValidSvgWithImgRole()
    {
        var svg = XDocument.Parse(XmrChart.ToSvg(Analysis(), new XmrChartOptions { Labels = Labels }));

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("img", (string?)svg.Root.Attribute("role"));
        Assert.Equal("spc-title", (string?)svg.Root.Attribute("aria-labelledby"));
        Assert.Equal("spc-desc", (string?)svg.Root.Attribute("aria-describedby"));
    }

    [Fact]
    public void Chart_HasOneDotPerValue_NoneForMissing()
    {
        var svg = XDocument.Parse(XmrChart.ToSvg(Analysis()));

        Assert.Equal(Values.Length - 1, Dots(svg).Count());
    }

    [Fact]
    public void Chart_DotsAreColouredByPointType()
    {
        var analysis = Analysis();

        var fills = Dots(XDocument.Parse(XmrChart.ToSvg(analysis))).Select(c => (string?)c.Attribute("fill"));

        var expected = analysis.Points.Where(p => p.Value is not null).Select(p => SpcColours.Of(p.PointType));
        Assert.Equal(expected, fills);
        Assert.Contains(SpcColours.Improvement, fills);
        Assert.Contains(SpcColours.CommonCause, fills);
    }

    [Theory]
    [InlineData(ImprovementDirection.Increase, SpcColours.Improvement)]
    [InlineData(ImprovementDirection.Decrease, SpcColours.Concern)]
    [InlineData(ImprovementDirection.Neither, SpcColours.Neither)]
    public void Chart_SpecialCauseColour_FollowsImprovementDirection(ImprovementDirection improvement, string colour)
    {
        var svg = XDocument.Parse(XmrChart.ToSvg(Analysis(new SpcOptions { BaselinePointCount = 12, Improvement = improvement })));

        Assert.Equal(colour, (string?)Dots(svg).Last().Attribute("fill"));
    }

    [Fact]
    public void Chart_TitleAndDescription_SayWhatTheChartShows()
    {
        var svg = XDocument.Parse(XmrChart.ToSvg(Analysis(), new XmrChartOptions { Labels = Labels }));

        Assert.Equal("Discharges before noon", svg.Root!.Element(Svg + "title")!.Value);
        var desc = svg.Root.Element(Svg + "desc")!.Value;
        Assert.StartsWith("Special cause improvement: the last 8 points are above the mean (10%) (a shift).", desc, StringComparison.Ordinal);
        Assert.Contains("The chart shows 21 points from Apr 2017 to Dec 2018", desc, StringComparison.Ordinal);
        Assert.Contains("target is 11%", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_ShowsPeriodLabelsAndUnit()
    {
        var svg = XDocument.Parse(XmrChart.ToSvg(Analysis(), new XmrChartOptions { Labels = Labels }));

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToArray();
        Assert.Contains("Apr 2017", texts);
        Assert.Contains("%", texts);
    }

    [Fact]
    public void Chart_TargetLine_OnlyWithATarget()
    {
        static bool HasTarget(XmrAnalysis a) => XDocument.Parse(XmrChart.ToSvg(a)).Descendants(Svg + "path")
            .Any(p => (string?)p.Attribute("stroke") == SpcColours.Target);

        Assert.True(HasTarget(Analysis()));
        Assert.False(HasTarget(Analysis(new SpcOptions { BaselinePointCount = 12 })));
    }

    [Fact]
    public void Chart_Trajectory_IsASteppedLineBrokenWhereNothingIsPlanned_AndWidensTheScale()
    {
        var analysis = Analysis(new SpcOptions { BaselinePointCount = 12 });
        double?[] planned = [.. Enumerable.Range(0, 21).Select(i => i < 15 ? (double?)null : i == 18 ? null : 40 + i)];

        var svg = XDocument.Parse(XmrChart.ToSvg(analysis, new XmrChartOptions { Trajectory = [.. planned] }));
        var trajectory = svg.Descendants(Svg + "path").Single(p => (string?)p.Attribute("stroke-dasharray") == "2 3");
        var without = XmrChart.ToSvg(analysis);

        Assert.Equal(2, trajectory.Attribute("d")!.Value.Count(c => c == 'M'));
        Assert.Equal(5, trajectory.Attribute("d")!.Value.Count(c => c == 'H'));
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Trajectory");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "60");
        Assert.DoesNotContain(">60<", without, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => XmrChart.ToSvg(analysis, new XmrChartOptions { Trajectory = [1.0, 2.0] }));
    }

    [Fact]
    public void Chart_MeanLineBreaksAtEachRebase()
    {
        var analysis = Analysis(new SpcOptions { RebaseIndices = [8, 16] });

        var meanLines = XDocument.Parse(XmrChart.ToSvg(analysis)).Descendants(Svg + "path")
            .Count(p => (string?)p.Attribute("stroke") == SpcColours.Mean);

        Assert.Equal(3, meanLines);
    }

    [Fact]
    public void Chart_SameInput_SameBytes()
    {
        var options = new XmrChartOptions { Labels = Labels, Title = "Same" };

        Assert.Equal(XmrChart.ToSvg(Analysis(), options), XmrChart.ToSvg(Analysis(), options));
    }

    [Fact]
    public void Chart_IsSmall()
    {
        var svg = XmrChart.ToSvg(XmrAnalysis.Analyse(Series.Alternating(60), SpcOptions.Default));

        Assert.InRange(svg.Length, 1, 8000);
    }

    [Fact]
    public void Chart_ShortSegment_SaysLimitsAreProvisional()
    {
        var svg = XmrChart.ToSvg(XmrAnalysis.Analyse([1, 2, 3, 2, 1], SpcOptions.Default));

        Assert.Contains("provisional", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_EscapesText()
    {
        var svg = XDocument.Parse(XmrChart.ToSvg(Analysis(), new XmrChartOptions { Title = "A&E <type 1> \"four-hour\"" }));

        Assert.Equal("A&E <type 1> \"four-hour\"", svg.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Chart_WrongNumberOfPeriodLabels_Throws()
    {
        var labels = new SpcLabels { PeriodLabels = ["Apr 2017"] };

        var error = Assert.Throws<ArgumentException>(() => XmrChart.ToSvg(Analysis(), new XmrChartOptions { Labels = labels }));

        Assert.Contains("1 period labels for 21 points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_InvalidIdPrefix_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new XmrChartOptions { IdPrefix = "1 bad" });

    [Fact]
    public void Sparkline_IsValidSvgWithTitleAndDescription()
    {
        var svg = XDocument.Parse(XmrChart.ToSparklineSvg(Analysis(), new XmrSparklineOptions { Labels = Labels }));

        Assert.Equal("img", (string?)svg.Root!.Attribute("role"));
        Assert.Equal("Discharges before noon", svg.Root.Element(Svg + "title")!.Value);
        Assert.StartsWith("Special cause improvement", svg.Root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparkline_DotsOnlyForSpecialCauseAndTheLastPoint()
    {
        var analysis = Analysis();

        var dots = Dots(XDocument.Parse(XmrChart.ToSparklineSvg(analysis))).Count();

        Assert.Equal(analysis.Points.Count(p => p.IsSpecialCause || p.Index == analysis.Count - 1), dots);
    }

    [Fact]
    public void Icons_EveryStateIsValidSvgWithItsOwnLabel()
    {
        var svgs = Enum.GetValues<VariationIcon>().Select(i => SpcIcons.ToSvg(i))
            .Concat(Enum.GetValues<AssuranceIcon>().Select(i => SpcIcons.ToSvg(i)))
            .Select(XDocument.Parse)
            .ToArray();

        Assert.All(svgs, svg => Assert.Equal("img", (string?)svg.Root!.Attribute("role")));
        var labels = svgs.Select(svg => svg.Root!.Element(Svg + "title")!.Value).ToArray();
        Assert.Equal(labels.Length, labels.Distinct().Count());
        Assert.Contains("Special cause concern (low values)", labels);
        Assert.Contains("Target hit and miss", labels);
    }

    [Theory]
    [InlineData(VariationIcon.ImprovementHigh, SpcColours.Improvement)]
    [InlineData(VariationIcon.ConcernLow, SpcColours.Concern)]
    [InlineData(VariationIcon.NeitherHigh, SpcColours.Neither)]
    [InlineData(VariationIcon.CommonCause, SpcColours.CommonCause)]
    public void Icons_RingHasTheStatesColour(VariationIcon icon, string colour)
    {
        var ring = XDocument.Parse(SpcIcons.ToSvg(icon)).Root!.Element(Svg + "circle")!;

        Assert.Equal(colour, (string?)ring.Attribute("stroke"));
    }

    [Fact]
    public void Icons_Provisional_SaysSoAndDashesTheRing()
    {
        var svg = XDocument.Parse(SpcIcons.ToSvg(AssuranceIcon.ConsistentPass, provisional: true));

        Assert.Contains("provisional", (string?)svg.Root!.Attribute("aria-label"), StringComparison.Ordinal);
        Assert.NotNull(svg.Root.Element(Svg + "circle")!.Attribute("stroke-dasharray"));
    }
}
