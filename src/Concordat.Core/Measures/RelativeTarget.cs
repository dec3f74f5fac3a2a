using Concordat.Core.Words;

namespace Concordat.Core.Measures;

/// <summary>How a target agreed relative to a baseline reads.</summary>
public enum RelativeTargetKind
{
    /// <summary>"Increase by 2 years": the baseline value plus an amount (negative to reduce).</summary>
    ChangeBy,

    /// <summary>"Halve", "reduce by 10%": the baseline value changed by a percentage of itself.</summary>
    ChangeByPercent,

    /// <summary>"To the England average": a reference value, named.</summary>
    Reach,
}

/// <summary>
/// A target as it was agreed: "increase by 2 years from the 2018 - 20 value by 2028 - 30", "halve the 2019 value by
/// 2030", "reach the England average by 2030". Its trajectory is a straight line from the baseline period's value to
/// the target value, one point per period after the baseline up to the target period. The line is worked out when the
/// measure is read, not stored, so that a corrected or newly imported baseline value moves it at once, whichever way
/// the value arrived (a form, an import, the API).
/// </summary>
public sealed record RelativeTarget(RelativeTargetKind Kind, double Amount, string? Reference, DateOnly Baseline, DateOnly By)
{
    public double TargetValue(double baselineValue) => Kind switch
    {
        RelativeTargetKind.ChangeBy => baselineValue + Amount,
        RelativeTargetKind.ChangeByPercent => baselineValue * (1 + (Amount / 100)),
        _ => Amount,
    };

    /// <summary>The planned value of each period after the baseline up to the target period.</summary>
    public IReadOnlyList<TrajectoryPoint> Trajectory(Measure measure, double baselineValue)
    {
        var periods = new List<DateOnly>();
        for (var p = Period.Of(measure, Baseline).Next; p.Start <= By && periods.Count < MeasureService.TrajectoryMaxPoints; p = p.Next)
        {
            periods.Add(p.Start);
        }
        var target = TargetValue(baselineValue);
        return [.. periods.Select((start, i) => new TrajectoryPoint
        {
            SystemId = measure.SystemId, MeasureId = measure.Id, PeriodStart = start,
            Value = baselineValue + ((target - baselineValue) * (i + 1) / periods.Count),
        })];
    }

    /// <summary>
    /// The target in the words it was agreed in: "Increase by 2 years from the 2018 - 20 value (79.1 years) by 2028 - 30",
    /// "Halve the 2019 value (9.4 years) by 2030", "Reach the England average (81.2 years) from the 2018 - 20 value (79.1 years) by 2030".
    /// </summary>
    public string InWords(Measure measure, double? baselineValue)
    {
        var baseline = measure.PeriodInWords(Baseline);
        var value = baselineValue is { } b ? $"the {baseline} value ({Prose.Amount(b, measure.Unit)})" : $"the {baseline} value";
        var by = "by " + measure.PeriodInWords(By);
        return Kind switch
        {
            RelativeTargetKind.ChangeByPercent when Amount == -50 => $"Halve {value} {by}",
            RelativeTargetKind.ChangeByPercent => $"{(Amount < 0 ? "Reduce" : "Increase")} by {Prose.Number(Math.Abs(Amount))}% from {value} {by}",
            RelativeTargetKind.ChangeBy => $"{(Amount < 0 ? "Reduce" : "Increase")} by {Prose.Amount(Math.Abs(Amount), measure.Unit)} from {value} {by}",
            _ => $"Reach {Reference} ({Prose.Amount(Amount, measure.Unit)}) from {value} {by}",
        };
    }
}

/// <summary>The words people read for the kinds of relative target.</summary>
public static class RelativeTargetWords
{
    public static string InWords(this RelativeTargetKind kind) => kind switch
    {
        RelativeTargetKind.ChangeBy => "Change by an amount",
        RelativeTargetKind.ChangeByPercent => "Change by a percentage",
        RelativeTargetKind.Reach => "Reach a reference value",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
