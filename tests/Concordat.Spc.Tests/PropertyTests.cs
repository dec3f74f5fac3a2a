using System.Xml.Linq;
using CsCheck;

namespace Concordat.Spc.Tests;

/// <summary>Properties that hold for every series (CsCheck generates and shrinks counter-examples).</summary>
public sealed class PropertyTests
{
    // Uniform continuous values: exact ties (a value on a limit, two equal values) have probability ~0, so a shift
    // or scale, which rounds differently, cannot move a value across a line. (Gen.Double[a, b] spreads over
    // magnitudes, and adding 0.17 to 1e-38 and 1e-80 makes them equal: a real tie the property cannot promise.)
    // Small integers are mixed in by AnyValue to exercise ties where only "never throws" and invariants are asserted.
    private static readonly Gen<double> Value = Gen.Double.Unit.Select(u => (u - 0.5) * 2000);
    private static readonly Gen<double?> AnyValue = Gen.OneOf(
        Gen.Double[-1e6, 1e6].Select(v => (double?)v),
        Gen.Int[-3, 3].Select(v => (double?)v),
        Gen.Const((double?)null));

    private static readonly Gen<SpcOptions> AnyOptions =
        Gen.Select(Gen.Int[0, 2], Gen.Bool, Gen.Double[-1e6, 1e6].Nullable(0.5), Gen.Int[11, 30], Gen.Bool, (improvement, screen, target, baseline, mdc) => new SpcOptions
        {
            Improvement = (ImprovementDirection)improvement,
            ScreenOutliers = screen,
            Target = target,
            BaselinePointCount = baseline < 12 ? null : baseline,
            TwoInThreeRule = mdc ? TwoInThreeRule.Mdc2023 : TwoInThreeRule.PlotTheDots,
        });

    /// <summary>Any finite series with any valid options, including rebases.</summary>
    private static readonly Gen<(double?[] Values, SpcOptions Options)> AnySeries =
        from values in AnyValue.Array[1, 80]
        from rebase in Gen.Int[0, values.Length - 1].Array[0, 3]
        from options in AnyOptions
        select (values, options with { RebaseIndices = [.. rebase.Distinct()] });

    [Fact]
    public void Analyse_AnyFiniteInput_NeverThrowsAndKeepsInvariants() =>
        AnySeries.Sample((values, options) =>
        {
            var analysis = XmrAnalysis.Analyse(values, options);
            Invariants.Check(analysis, values);
            _ = XmrSummary.Describe(analysis).Text;
        });

    /// <summary>
    /// Series built to hit the rules often: small integers (ties, points on the mean), random walks of small steps
    /// (trends), and level changes — long enough to need several 64-point blocks, with gaps and rebases.
    /// </summary>
    private static readonly Gen<(double?[] Values, SpcOptions Options)> RuleHeavySeries =
        from kind in Gen.Int[0, 2]
        from steps in Gen.Int[-2, 2].Array[1, 200]
        from gaps in Gen.Int[0, 19].Array[steps.Length]
        from rebase in Gen.Int[0, steps.Length - 1].Array[0, 3]
        from options in AnyOptions
        select (Build(kind, steps, gaps), options with { RebaseIndices = [.. rebase.Distinct()] });

    [Fact]
    public void Rules_AgreeWithNaiveTransliterationOfThePackage() =>
        RuleHeavySeries.Sample((values, options) =>
        {
            var analysis = XmrAnalysis.Analyse(values, options);

            var expected = NaiveRules.Of(analysis, values);

            Assert.Equal(expected.Select(e => e.Rule), analysis.Rules());
            Assert.Equal(expected.Select(e => e.Signal), analysis.Signals());
        }, iter: 2000);

    private static double?[] Build(int kind, int[] steps, int[] gaps)
    {
        var values = new double?[steps.Length];
        var level = 0.0;
        for (var i = 0; i < steps.Length; i++)
        {
            level = kind switch
            {
                0 => steps[i],                              // small integers
                1 => level + steps[i],                      // random walk
                _ => (i / 25 % 2 * 6) + (steps[i] * 0.7),   // level changes every 25 points
            };
            values[i] = gaps[i] == 0 ? null : level;        // about 1 in 20 missing
        }

        return values;
    }

    [Fact]
    public void AddingAConstant_ShiftsMeanAndLimits_ChangesNoRule() =>
        Gen.Select(Value.Array[1, 60], Value).Sample((values, c) =>
        {
            var original = Analyse(values);
            var shifted = Analyse([.. values.Select(v => v + c)]);

            Assert.Equal(original.Rules(), shifted.Rules());
            Assert.Equal(original.Signals(), shifted.Signals());
            Assert.Equal(original.VariationIcon, shifted.VariationIcon);
            var tolerance = 1e-9 * (1000 + Math.Abs(c));
            for (var i = 0; i < values.Length; i++)
            {
                AssertClose(original.Points[i].Mean + c, shifted.Points[i].Mean, tolerance);
                AssertClose(original.Points[i].LowerProcessLimit + c, shifted.Points[i].LowerProcessLimit, tolerance);
                AssertClose(original.Points[i].UpperProcessLimit + c, shifted.Points[i].UpperProcessLimit, tolerance);
            }
        });

    [Fact]
    public void ScalingByAPositiveFactor_ScalesMeanAndLimits_ChangesNoRule() =>
        Gen.Select(Value.Array[1, 60], Gen.Double[0.01, 100]).Sample((values, factor) =>
        {
            var original = Analyse(values);
            var scaled = Analyse([.. values.Select(v => v * factor)]);

            Assert.Equal(original.Rules(), scaled.Rules());
            Assert.Equal(original.Signals(), scaled.Signals());
            var tolerance = 1e-9 * 1000 * factor;
            for (var i = 0; i < values.Length; i++)
            {
                AssertClose(original.Points[i].Mean * factor, scaled.Points[i].Mean, tolerance);
                AssertClose(original.Points[i].LowerProcessLimit * factor, scaled.Points[i].LowerProcessLimit, tolerance);
                AssertClose(original.Points[i].UpperProcessLimit * factor, scaled.Points[i].UpperProcessLimit, tolerance);
            }
        });

    [Fact]
    public void ReversingImprovementDirection_SwapsImprovementAndConcern() =>
        Gen.Select(Value.Array[1, 60], Value).Sample((values, target) =>
        {
            var increase = XmrAnalysis.Analyse(values, new SpcOptions { Target = target });
            var decrease = XmrAnalysis.Analyse(values, new SpcOptions { Target = target, Improvement = ImprovementDirection.Decrease });

            Assert.Equal(increase.Rules(), decrease.Rules());
            Assert.Equal(increase.Signals(), decrease.Signals());
            Assert.Equal(increase.Types().Select(Swap), decrease.Types());
            Assert.Equal(Swap(increase.VariationIcon), decrease.VariationIcon);
            Assert.Equal(Swap(increase.AssuranceIcon), decrease.AssuranceIcon);
        });

    [Fact]
    public void NegatingValuesAndReversingDirection_ChangesNoPointType() =>
        // Negation is exact in floating point, so every comparison mirrors exactly.
        AnySeries.Sample((values, options) =>
        {
            var mirrored = options with
            {
                Improvement = options.Improvement switch
                {
                    ImprovementDirection.Increase => ImprovementDirection.Decrease,
                    ImprovementDirection.Decrease => ImprovementDirection.Increase,
                    _ => ImprovementDirection.Neither,
                },
                Target = -options.Target,
            };
            var original = XmrAnalysis.Analyse(values, options);
            var negated = XmrAnalysis.Analyse([.. values.Select(v => -v)], mirrored);

            Assert.Equal(original.Rules(), negated.Rules());
            Assert.Equal(original.Types(), negated.Types());
            Assert.Equal(original.AssuranceIcon, negated.AssuranceIcon);
        });

    [Fact]
    public void Chart_AnyAnalysis_IsValidXmlWithOneDotPerValue() =>
        AnySeries.Sample((values, options) =>
        {
            var analysis = XmrAnalysis.Analyse(values, options);

            var svg = XDocument.Parse(Charts.XmrChart.ToSvg(analysis));

            Assert.Equal(values.Count(v => v is not null), ChartTests.Dots(svg).Count());
        }, iter: 30);

    private static XmrAnalysis Analyse(double[] values) => XmrAnalysis.Analyse(values, SpcOptions.Default);

    private static void AssertClose(double? expected, double? actual, double tolerance)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= tolerance, $"expected {e:R}, got {a:R}");
        }
    }

    private static PointType Swap(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => PointType.SpecialCauseConcern,
        PointType.SpecialCauseConcern => PointType.SpecialCauseImprovement,
        _ => type,
    };

    private static VariationIcon Swap(VariationIcon icon) => icon switch
    {
        VariationIcon.ImprovementHigh => VariationIcon.ConcernHigh,
        VariationIcon.ImprovementLow => VariationIcon.ConcernLow,
        VariationIcon.ConcernHigh => VariationIcon.ImprovementHigh,
        VariationIcon.ConcernLow => VariationIcon.ImprovementLow,
        _ => icon,
    };

    private static AssuranceIcon? Swap(AssuranceIcon? icon) => icon switch
    {
        AssuranceIcon.ConsistentPass => AssuranceIcon.ConsistentFail,
        AssuranceIcon.ConsistentFail => AssuranceIcon.ConsistentPass,
        _ => icon,
    };
}
