using System.Globalization;
using System.Xml.Linq;
using Concordat.Spc.Charts;

namespace Concordat.Spc.Tests;

/// <summary>Annotated spans on the chart: shaded over their periods, named in text below the axis and in the description, and checked.</summary>
public sealed class AnnotationTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly SpcLabels Labels = new()
    {
        MeasureName = "Discharges before noon",
        PeriodLabels = SpcLabels.FormatPeriods([.. Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 1, 1).AddMonths(i))]),
    };

    private static readonly XmrAnalysis Analysis = XmrAnalysis.Analyse([.. Enumerable.Range(0, 12).Select(i => (double?)(40 + (i % 3)))]);

    private static XDocument Chart(params XmrAnnotation[] annotations) =>
        XDocument.Parse(XmrChart.ToSvg(Analysis, new XmrChartOptions { Labels = Labels, Annotations = [.. annotations] }));

    private static double X(XElement dot) => double.Parse((string)dot.Attribute("cx")!, CultureInfo.InvariantCulture);

    [Fact]
    public void EachAnnotation_ShadesItsPeriods_AndIsNamedInWords()
    {
        var svg = Chart(new XmrAnnotation(2, 3, "PDSA 1: Discharge by noon"), new XmrAnnotation(8, 8, "PDSA 2: Assessors at the front door"));

        var groups = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "spc-annotation").ToList();
        Assert.Equal(["PDSA 1: Discharge by noon", "PDSA 2: Assessors at the front door"], groups.Select(g => (string)g.Element(Svg + "text")!));
        Assert.Equal(["PDSA 1: Discharge by noon (Mar 2025 to Apr 2025)", "PDSA 2: Assessors at the front door (Sep 2025)"], groups.Select(g => (string)g.Element(Svg + "title")!));
        var dots = ChartTests.Dots(svg).ToList();
        var band = groups[0].Element(Svg + "rect")!;
        var left = double.Parse((string)band.Attribute("x")!, CultureInfo.InvariantCulture);
        var right = left + double.Parse((string)band.Attribute("width")!, CultureInfo.InvariantCulture);
        Assert.True(left < X(dots[2]) && X(dots[3]) < right, $"The band {left} to {right} does not cover March and April");
        Assert.True(X(dots[1]) < left && right < X(dots[4]), $"The band {left} to {right} reaches February or May");
        Assert.EndsWith("Shaded spans mark PDSA 1: Discharge by noon (Mar 2025 to Apr 2025); PDSA 2: Assessors at the front door (Sep 2025).",
            (string)svg.Root!.Element(Svg + "desc")!, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnnotatedChart_IsTallerByItsLabels_AndOneWithoutSaysNothingOfThem()
    {
        var plain = Chart();
        var annotated = Chart(new XmrAnnotation(2, 3, "PDSA 1: Discharge by noon"));

        Assert.DoesNotContain(plain.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "spc-annotations");
        Assert.DoesNotContain("Shaded spans", (string)plain.Root!.Element(Svg + "desc")!, StringComparison.Ordinal);
        Assert.True((int)annotated.Root!.Attribute("height")! > (int)plain.Root.Attribute("height")!);
    }

    [Fact]
    public void AnAnnotationPastTheLastPoint_OrBackwards_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Chart(new XmrAnnotation(10, 12, "PDSA 1: Too late")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new XmrAnnotation(3, 2, "PDSA 1: Backwards"));
    }
}
