namespace Concordat.Spc;

/// <summary>
/// The special-cause rule a point is flagged by. When several rules flag a point, the one listed first here wins
/// (outside &gt; trend &gt; two of three &gt; shift), and the point's <see cref="SignalDirection"/> comes from that
/// rule.
/// </summary>
public enum SpecialCauseRule
{
    /// <summary>
    /// The point is strictly above the upper or strictly below the lower process limit (batch name
    /// <c>outside_limits</c>). A point exactly on a limit is inside: the package compares strictly.
    /// </summary>
    OutsideLimits = 1,

    /// <summary>
    /// The point is in a run of 7 points each strictly higher (or each strictly lower) than the one before (batch
    /// name <c>trend</c>). A tie breaks the run, and the mean plays no part: a trend may cross it.
    /// </summary>
    Trend = 2,

    /// <summary>
    /// The point is <em>close</em> to a limit (beyond a 2-sigma line) in a window of 3 points that are all strictly
    /// on the same side of the mean, at least two of them close (batch name <c>two_in_three</c>). The window's third,
    /// not-close point is not flagged.
    /// </summary>
    TwoInThree = 3,

    /// <summary>
    /// The point is in a run of 7 points strictly on the same side of the mean (batch name <c>shift</c>). A point
    /// exactly on the mean breaks the run.
    /// </summary>
    Shift = 4,
}
