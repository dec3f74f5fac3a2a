namespace Concordat.Spc;

/// <summary>
/// One byte per point holding its rule and signal, so that a result costs a byte per point beyond its values.
/// Bits 0–2: <see cref="SpecialCauseRule"/> (0 = none); bit 3: low signal.
/// </summary>
internal static class PointCode
{
    private const byte RuleMask = 0b0111;
    private const byte LowBit = 0b1000;

    public static byte Create(SpecialCauseRule rule, bool high) => (byte)((byte)rule | (high ? 0 : LowBit));

    public static SpecialCauseRule? Rule(byte code) => (code & RuleMask) == 0 ? null : (SpecialCauseRule)(code & RuleMask);

    public static SignalDirection? Signal(byte code) =>
        (code & RuleMask) == 0 ? null : ((code & LowBit) != 0 ? SignalDirection.Low : SignalDirection.High);

    public static PointType PointType(byte code, ImprovementDirection improvement)
    {
        if ((code & RuleMask) == 0)
        {
            return Spc.PointType.CommonCause;
        }

        var high = (code & LowBit) == 0;
        return improvement switch
        {
            ImprovementDirection.Increase => high ? Spc.PointType.SpecialCauseImprovement : Spc.PointType.SpecialCauseConcern,
            ImprovementDirection.Decrease => high ? Spc.PointType.SpecialCauseConcern : Spc.PointType.SpecialCauseImprovement,
            _ => Spc.PointType.SpecialCauseNeither,
        };
    }

    public static VariationIcon VariationIcon(byte code, ImprovementDirection improvement)
    {
        var high = (code & LowBit) == 0;
        return PointType(code, improvement) switch
        {
            Spc.PointType.SpecialCauseImprovement => high ? Spc.VariationIcon.ImprovementHigh : Spc.VariationIcon.ImprovementLow,
            Spc.PointType.SpecialCauseConcern => high ? Spc.VariationIcon.ConcernHigh : Spc.VariationIcon.ConcernLow,
            Spc.PointType.SpecialCauseNeither => high ? Spc.VariationIcon.NeitherHigh : Spc.VariationIcon.NeitherLow,
            _ => Spc.VariationIcon.CommonCause,
        };
    }
}
