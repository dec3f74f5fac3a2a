namespace Concordat.Core.Measures;

/// <summary>A value with its optional count, denominator and confidence limits, and the rules that tie them together.</summary>
public readonly record struct ObservationReading(double Value, double? Count, double? Denominator, double? LowerCi, double? UpperCi)
{
    /// <summary>Each problem as (field, message), using the names of <see cref="RecordObservation"/>'s fields.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        foreach (var (field, label, number) in new[] { ("Count", "Count", Count), ("Denominator", "Denominator", Denominator), ("LowerCi", "Lower confidence limit", LowerCi), ("UpperCi", "Upper confidence limit", UpperCi) })
        {
            if (number is { } n && !double.IsFinite(n))
            {
                yield return (field, $"{label} must be a number");
            }
        }
        if (Count is < 0)
        {
            yield return ("Count", "Count cannot be negative");
        }
        if (Denominator is <= 0)
        {
            yield return ("Denominator", "Denominator must be more than 0");
        }
        else if (Count is { } count && Denominator is { } denominator && count > denominator)
        {
            yield return ("Count", "Count cannot be more than the denominator");
        }
        if (LowerCi is { } lower && UpperCi is { } upper && lower > upper)
        {
            yield return ("LowerCi", "Lower confidence limit cannot be above the upper one");
        }
        else if (LowerCi is { } low && low > Value)
        {
            yield return ("LowerCi", "Lower confidence limit cannot be above the value");
        }
        else if (UpperCi is { } high && high < Value)
        {
            yield return ("UpperCi", "Upper confidence limit cannot be below the value");
        }
    }
}
