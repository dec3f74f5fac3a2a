namespace Concordat.Spc;

/// <summary>
/// The Making Data Count variation icon. It is read from the <em>last point only</em> — the icon answers "what is
/// happening now?", so a signal earlier in the series that has since ended does not show. If the last value is
/// missing the icon is <see cref="CommonCause"/>, even when the point before it was special cause.
/// </summary>
public enum VariationIcon
{
    /// <summary>The last point is common cause (batch name <c>common_cause</c>).</summary>
    CommonCause,

    /// <summary>Improvement signalled by high values: improvement direction is increase (<c>improvement_high</c>).</summary>
    ImprovementHigh,

    /// <summary>Improvement signalled by low values: improvement direction is decrease (<c>improvement_low</c>).</summary>
    ImprovementLow,

    /// <summary>Concern signalled by high values: improvement direction is decrease (<c>concern_high</c>).</summary>
    ConcernHigh,

    /// <summary>Concern signalled by low values: improvement direction is increase (<c>concern_low</c>).</summary>
    ConcernLow,

    /// <summary>High signal where neither direction is better (<c>neither_high</c>).</summary>
    NeitherHigh,

    /// <summary>Low signal where neither direction is better (<c>neither_low</c>).</summary>
    NeitherLow,
}
