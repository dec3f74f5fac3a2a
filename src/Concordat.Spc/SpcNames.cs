namespace Concordat.Spc;

/// <summary>
/// The snake_case names of the batch interface (<c>concordat spc analyse</c>) and of <c>data/reference/spc</c>, for
/// every enum of this library, in both directions. Pages and exports use these names so that they never drift from
/// the batch output.
/// </summary>
public static class SpcNames
{
    public static string ToName(this ImprovementDirection value) => value switch
    {
        ImprovementDirection.Increase => "increase",
        ImprovementDirection.Decrease => "decrease",
        ImprovementDirection.Neither => "neither",
        _ => throw Undefined(value),
    };

    public static string ToName(this TwoInThreeRule value) => value switch
    {
        TwoInThreeRule.PlotTheDots => "ptd",
        TwoInThreeRule.Mdc2023 => "mdc2023",
        _ => throw Undefined(value),
    };

    public static string ToName(this SpecialCauseRule value) => value switch
    {
        SpecialCauseRule.OutsideLimits => "outside_limits",
        SpecialCauseRule.Trend => "trend",
        SpecialCauseRule.TwoInThree => "two_in_three",
        SpecialCauseRule.Shift => "shift",
        _ => throw Undefined(value),
    };

    public static string ToName(this SignalDirection value) => value switch
    {
        SignalDirection.High => "high",
        SignalDirection.Low => "low",
        _ => throw Undefined(value),
    };

    public static string ToName(this PointType value) => value switch
    {
        PointType.CommonCause => "common_cause",
        PointType.SpecialCauseImprovement => "special_cause_improvement",
        PointType.SpecialCauseConcern => "special_cause_concern",
        PointType.SpecialCauseNeither => "special_cause_neither",
        _ => throw Undefined(value),
    };

    public static string ToName(this VariationIcon value) => value switch
    {
        VariationIcon.CommonCause => "common_cause",
        VariationIcon.ImprovementHigh => "improvement_high",
        VariationIcon.ImprovementLow => "improvement_low",
        VariationIcon.ConcernHigh => "concern_high",
        VariationIcon.ConcernLow => "concern_low",
        VariationIcon.NeitherHigh => "neither_high",
        VariationIcon.NeitherLow => "neither_low",
        _ => throw Undefined(value),
    };

    public static string ToName(this AssuranceIcon value) => value switch
    {
        AssuranceIcon.ConsistentPass => "consistent_pass",
        AssuranceIcon.ConsistentFail => "consistent_fail",
        AssuranceIcon.Inconsistent => "inconsistent",
        _ => throw Undefined(value),
    };

    public static bool TryParseImprovementDirection(string? name, out ImprovementDirection value) =>
        TryParse(name, out value);

    public static bool TryParseTwoInThreeRule(string? name, out TwoInThreeRule value) => TryParse(name, out value);

    public static bool TryParseSpecialCauseRule(string? name, out SpecialCauseRule value) => TryParse(name, out value);

    public static bool TryParseSignalDirection(string? name, out SignalDirection value) => TryParse(name, out value);

    public static bool TryParsePointType(string? name, out PointType value) => TryParse(name, out value);

    public static bool TryParseVariationIcon(string? name, out VariationIcon value) => TryParse(name, out value);

    public static bool TryParseAssuranceIcon(string? name, out AssuranceIcon value) => TryParse(name, out value);

    // Parsing is exact (case-sensitive, no aliases) so that a name read back is always the name written.
    private static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(NameOf(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string NameOf<T>(T value)
        where T : struct, Enum => value switch
        {
            ImprovementDirection v => v.ToName(),
            TwoInThreeRule v => v.ToName(),
            SpecialCauseRule v => v.ToName(),
            SignalDirection v => v.ToName(),
            PointType v => v.ToName(),
            VariationIcon v => v.ToName(),
            AssuranceIcon v => v.ToName(),
            _ => throw new ArgumentException($"{typeof(T).Name} has no batch name.", nameof(value)),
        };

    private static ArgumentOutOfRangeException Undefined<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"{value} is not a defined {typeof(T).Name}.");
}
