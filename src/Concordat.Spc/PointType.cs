namespace Concordat.Spc;

/// <summary>What a point means for the measure, combining its signal with the improvement direction.</summary>
public enum PointType
{
    /// <summary>No rule flags the point (batch name <c>common_cause</c>). A missing value is always common cause.</summary>
    CommonCause,

    /// <summary>A signal in the better direction (batch name <c>special_cause_improvement</c>).</summary>
    SpecialCauseImprovement,

    /// <summary>A signal in the worse direction (batch name <c>special_cause_concern</c>).</summary>
    SpecialCauseConcern,

    /// <summary>A signal when neither direction is better (batch name <c>special_cause_neither</c>).</summary>
    SpecialCauseNeither,
}
