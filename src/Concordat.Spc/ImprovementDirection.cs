namespace Concordat.Spc;

/// <summary>Which way a measure is better. Decides whether a special cause is an improvement or a concern.</summary>
public enum ImprovementDirection
{
    /// <summary>Higher values are better (batch name <c>increase</c>; the default).</summary>
    Increase,

    /// <summary>Lower values are better (batch name <c>decrease</c>).</summary>
    Decrease,

    /// <summary>
    /// Neither direction is better (batch name <c>neither</c>; the R package calls it "neutral"). Special causes are
    /// <see cref="PointType.SpecialCauseNeither"/> and there is never an assurance icon, because a target has no
    /// "good side".
    /// </summary>
    Neither,
}
