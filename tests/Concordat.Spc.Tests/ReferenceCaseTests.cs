using System.Text.Json;

namespace Concordat.Spc.Tests;

/// <summary>
/// Every case of data/reference/spc/cases.json must agree with NHSRplotthedots 0.2.2: numbers to 1e-9 relative,
/// everything else exactly.
/// </summary>
public sealed class ReferenceCaseTests
{
    private const double RelativeTolerance = 1e-9;

    public static TheoryData<string> CaseIds => ReferenceCases.Ids();

    [Fact]
    public void CasesFile_Has139Cases() => Assert.Equal(139, ReferenceCases.Cases.Length);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Analyse_AgreesWithPlotTheDots(string id)
    {
        var c = ReferenceCases.Get(id);
        var analysis = XmrAnalysis.Analyse(c.Values, c.Options);

        if (c.Error is not null)
        {
            // The package stopped with an error here (an NA inside a trend window); the method says missing values
            // never crash and a window containing one never fires. There is no reference output to compare, so
            // check that the analysis is complete and that every missing point is common cause.
            Assert.Equal(c.Values.Length, analysis.Count);
            Assert.All(analysis.Points.Where(p => p.Value is null), p => Assert.Equal(PointType.CommonCause, p.PointType));
            return;
        }

        var expected = c.Expected;
        var points = expected.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(points.Length, analysis.Count);
        foreach (var e in points)
        {
            var index = e.GetProperty("index").GetInt32();
            var actual = analysis.Points[index];
            var where = $"{id} point {index}";
            Assert.True(e.GetProperty("segment").GetInt32() == actual.Segment, $"{where}: segment");
            AssertClose(e.GetProperty("mean"), actual.Mean, $"{where}: mean");
            AssertClose(e.GetProperty("lpl"), actual.LowerProcessLimit, $"{where}: lpl");
            AssertClose(e.GetProperty("upl"), actual.UpperProcessLimit, $"{where}: upl");
            Assert.True(e.GetProperty("special_cause").GetBoolean() == actual.IsSpecialCause, $"{where}: special_cause");
            Assert.True(e.GetProperty("point_type").GetString() == actual.PointType.ToName(), $"{where}: point_type {actual.PointType.ToName()}");
            Assert.True(e.GetProperty("rule").GetString() == actual.Rule?.ToName(), $"{where}: rule {actual.Rule?.ToName()}");
            Assert.True(e.GetProperty("signal").GetString() == actual.Signal?.ToName(), $"{where}: signal {actual.Signal?.ToName()}");
            Assert.True(
                e.GetProperty("short_group_warning").GetBoolean() == analysis.Segments[actual.Segment].IsShort,
                $"{where}: short_group_warning");
        }

        Assert.Equal(expected.GetProperty("variation_icon").GetString(), analysis.VariationIcon.ToName());
        Assert.Equal(expected.GetProperty("assurance_icon").GetString(), analysis.AssuranceIcon?.ToName());

        // The package's warning text is its own (and misstates its threshold); ours names each short segment.
        // What must agree is whether there is a warning at all.
        Assert.Equal(expected.GetProperty("warnings").GetArrayLength() > 0, !analysis.Warnings.IsEmpty);
    }

    [Fact]
    public void Analyse_EveryMeanAndLimit_IsThePackagesToTheLastBit()
    {
        // Stronger than the 1e-9 the file asks for: the means are summed without rounding error (as R's long
        // double mean() effectively is), so every number is the package's own double.
        var compared = 0;
        foreach (var c in ReferenceCases.Cases.Where(c => c.Error is null))
        {
            var analysis = XmrAnalysis.Analyse(c.Values, c.Options);
            foreach (var e in c.Expected.GetProperty("points").EnumerateArray())
            {
                var point = analysis.Points[e.GetProperty("index").GetInt32()];
                foreach (var (name, actual) in new[] { ("mean", point.Mean), ("lpl", point.LowerProcessLimit), ("upl", point.UpperProcessLimit) })
                {
                    if (e.GetProperty(name).ValueKind == JsonValueKind.Number)
                    {
                        Assert.True(e.GetProperty(name).GetDouble() == actual, $"{c.Id} point {point.Index} {name}: {e.GetProperty(name).GetDouble():R} vs {actual:R}");
                        compared++;
                    }
                }
            }
        }

        Assert.Equal(10208, compared);
    }

    private static void AssertClose(JsonElement expected, double? actual, string what)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(actual is null, $"{what}: expected null, got {actual}");
            return;
        }

        var e = expected.GetDouble();
        Assert.True(actual is not null, $"{what}: expected {e}, got null");
        var scale = Math.Max(Math.Abs(e), Math.Abs(actual.Value));
        Assert.True(Math.Abs(e - actual.Value) <= RelativeTolerance * scale, $"{what}: expected {e:R}, got {actual.Value:R}");
    }
}
