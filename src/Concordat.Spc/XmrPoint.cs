namespace Concordat.Spc;

/// <summary>One point of an analysis: its value, its segment's mean and limits, and the rule (if any) that flagged it.</summary>
public readonly record struct XmrPoint
{
    internal XmrPoint(int index, double value, in XmrSegment segment, SpecialCauseRule? rule, SignalDirection? signal, PointType pointType)
    {
        Index = index;
        Value = double.IsNaN(value) ? null : value;
        Segment = segment.Number;
        Mean = segment.Mean;
        LowerProcessLimit = segment.LowerProcessLimit;
        UpperProcessLimit = segment.UpperProcessLimit;
        Rule = rule;
        Signal = signal;
        PointType = pointType;
    }

    /// <summary>0-based position in the series.</summary>
    public int Index { get; }

    /// <summary>The value, or null when missing.</summary>
    public double? Value { get; }

    /// <summary>Number of the segment the point belongs to (see <see cref="XmrSegment.Number"/>).</summary>
    public int Segment { get; }

    /// <summary>The segment's mean.</summary>
    public double? Mean { get; }

    /// <summary>The segment's lower process limit.</summary>
    public double? LowerProcessLimit { get; }

    /// <summary>The segment's upper process limit.</summary>
    public double? UpperProcessLimit { get; }

    /// <summary>The highest-priority rule that flags the point, or null for common cause.</summary>
    public SpecialCauseRule? Rule { get; }

    /// <summary>The direction of <see cref="Rule"/>'s signal, or null for common cause.</summary>
    public SignalDirection? Signal { get; }

    /// <summary>The signal read against the improvement direction.</summary>
    public PointType PointType { get; }

    /// <summary>True when any rule flags the point.</summary>
    public bool IsSpecialCause => Rule is not null;
}
