namespace Concordat.Spc;

/// <summary>
/// The Making Data Count assurance icon: will the process meet its target? Read from the target and the process
/// limits of the <em>last point's segment</em>. There is no icon (null) without a target or when the improvement
/// direction is <see cref="ImprovementDirection.Neither"/>.
/// </summary>
public enum AssuranceIcon
{
    /// <summary>
    /// The target lies strictly beyond the limit on the good side (increase: below the lower limit), so every point
    /// the process produces is expected to meet it (batch name <c>consistent_pass</c>).
    /// </summary>
    ConsistentPass,

    /// <summary>
    /// The target lies strictly beyond the limit on the bad side (increase: above the upper limit), so the process
    /// is expected to miss it every time without a change (batch name <c>consistent_fail</c>).
    /// </summary>
    ConsistentFail,

    /// <summary>
    /// "Hit and miss": the target is between the limits — <em>including exactly on a limit</em>, because the
    /// comparisons are strict — or the limits are undefined (batch name <c>inconsistent</c>).
    /// </summary>
    Inconsistent,
}
