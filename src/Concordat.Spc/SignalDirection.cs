namespace Concordat.Spc;

/// <summary>
/// The direction of a special-cause signal, taken from the rule that flagged the point (not from the point's side of
/// the mean: a trend can rise while still below the mean).
/// </summary>
public enum SignalDirection
{
    /// <summary>Above the upper limit, above the mean, or a rising trend (batch name <c>high</c>).</summary>
    High = 1,

    /// <summary>Below the lower limit, below the mean, or a falling trend (batch name <c>low</c>).</summary>
    Low = 2,
}
