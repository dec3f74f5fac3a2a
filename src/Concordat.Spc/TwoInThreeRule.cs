namespace Concordat.Spc;

/// <summary>Which points count towards the "two of three" rule.</summary>
public enum TwoInThreeRule
{
    /// <summary>
    /// NHSRplotthedots 0.2.2 (batch name <c>ptd</c>; the default): only <em>close</em> points count, that is points
    /// beyond a 2-sigma line but inside the process limits. A point beyond 3 sigma is not close, so one point outside
    /// the limits plus one close point do not make a two-of-three signal.
    /// </summary>
    PlotTheDots,

    /// <summary>
    /// Making Data Count's November 2023 revision (batch name <c>mdc2023</c>): every point beyond a 2-sigma line
    /// counts, including points outside the process limits. Points outside the limits still report
    /// <see cref="SpecialCauseRule.OutsideLimits"/>, which has priority.
    /// </summary>
    Mdc2023,
}
