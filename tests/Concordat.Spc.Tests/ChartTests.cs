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
        var trajectory = svg.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == "spc-trajectory");
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
            .Count(p => (string?)p.Attribute("class") == "spc-mean");

        Assert.Equal(3, meanLines);
    }

    [Theory]
    [InlineData(640)]
    [InlineData(280)]
    public void Chart_NamesTheLatestMeanLimitsTargetAndTrajectory_BesideThePlot_NeverOnALineOrEachOther(int width)
    {
        // The target sits on the mean, so their names must be pushed apart.
        var analysis = XmrAnalysis.Analyse(Values, new SpcOptions { BaselinePointCount = 12, Target = 10 });
        var mean = analysis.Segments[^1].Mean!.Value;
        var svg = XDocument.Parse(XmrChart.ToSvg(analysis, new XmrChartOptions
        {
            Width = width, Labels = Labels, Trajectory = [.. Enumerable.Range(0, 21).Select(i => (double?)mean)],
        }));

        var names = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "spc-labels").Elements(Svg + "text")
            .Select(t => (Text: t.Value, X: Number(t, "x"), Baseline: Number(t, "y"))).OrderBy(n => n.Baseline).ToList();
        var lines = svg.Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class"))?.StartsWith("spc-", StringComparison.Ordinal) == true).ToList();
        var plotRight = lines.Max(p => Coordinates(p).Max(c => c.X));

        Assert.Equal(["Lower limit", "Mean", "Target", "Trajectory", "Upper limit"], names.Select(n => n.Text).Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.True(n.X > plotRight, $"{n.Text} at x {n.X} is inside the plot (right edge {plotRight})"));
        Assert.All(names, n => Assert.True(n.X + ChartText.Width(n.Text, XmrChart.FontSize) <= width, $"{n.Text} runs past the chart's edge"));
        // Each name's glyphs reach about 0.75 of the font size above the baseline and 0.25 below: no two may touch.
        Assert.All(names.Zip(names.Skip(1)), pair => Assert.True(pair.Second.Baseline - pair.First.Baseline >= XmrChart.FontSize,
            $"{pair.First.Text} and {pair.Second.Text} overlap"));
    }

    [Fact]
    public void Chart_HasAKey_ForEachKindOfPointItShowsAndEachLine()
    {
        var withTarget = XDocument.Parse(XmrChart.ToSvg(Analysis(), new XmrChartOptions { Trajectory = [.. Enumerable.Repeat((double?)11, 21)] }));
        var plain = XDocument.Parse(XmrChart.ToSvg(XmrAnalysis.Analyse(Series.Alternating(20), SpcOptions.Default)));

        static string[] Key(XDocument svg) => [.. svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "spc-key").Elements(Svg + "text").Select(t => t.Value)];

        Assert.Equal(["Special cause improvement", "Common cause variation", "Mean", "Process limits", "Target", "Trajectory"], Key(withTarget));
        Assert.Equal(["Common cause variation", "Mean", "Process limits"], Key(plain));
    }

    [Fact]
    public void Chart_EveryWordIsAtLeast12Units_AndFitsANarrowChart_ALongTitleAndTheNoteWrapping()
    {
        var title = "Hypertension treated to target in the most deprived fifth of the population, all ages";
        var svg = XDocument.Parse(XmrChart.ToSvg(XmrAnalysis.Analyse([1, 2, 3, 2, 1], new SpcOptions { Target = 2 }), new XmrChartOptions { Width = 280, Title = title }));

        var texts = svg.Descendants(Svg + "text").ToList();
        Assert.All(texts, t => Assert.True(((double?)t.Attribute("font-size") ?? (double)svg.Root!.Attribute("font-size")!) >= 12, $"'{t.Value}' is smaller than 12"));
        Assert.All(texts.Where(t => t.Attribute("transform") is null), t =>
            Assert.True(Number(t, "x") + ChartText.Width(t.Value, 12, bold: t.Attribute("font-weight") is not null) <= 280, $"'{t.Value}' runs past the edge"));
        Assert.True(texts.Count(t => t.Attribute("font-weight") is not null) > 1, "the title is not wrapped");
        Assert.Equal(title, string.Join(' ', texts.Where(t => t.Attribute("font-weight") is not null).Select(t => t.Value)));
        var height = (double)svg.Root!.Attribute("height")!;
        Assert.All(texts, t => Assert.True(t.Attribute("y") is null || Number(t, "y") <= height, $"'{t.Value}' is below the chart"));
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The points of a path made of M, L and H commands.</summary>
    private static List<(double X, double Y)> Coordinates(XElement path)
    {
        var points = new List<(double X, double Y)>();
        foreach (System.Text.RegularExpressions.Match command in System.Text.RegularExpressions.Regex.Matches(path.Attribute("d")!.Value, @"([MLH])([-0-9. ]+)"))
        {
            var numbers = command.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => double.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            points.Add(command.Groups[1].Value == "H" ? (numbers[0], points[^1].Y) : (numbers[0], numbers[1]));
        }
        return points;
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
