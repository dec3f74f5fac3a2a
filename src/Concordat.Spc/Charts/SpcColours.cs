namespace Concordat.Spc.Charts;

/// <summary>
/// Colours of the charts and icons, in the Making Data Count scheme (improvement blue, concern orange, neither
/// purple, common cause grey). Each point colour has at least 3:1 contrast with white, as WCAG asks of graphics.
/// </summary>
public static class SpcColours
{
    public const string CommonCause = "#768692";
    public const string Improvement = "#0072c6";
    public const string Concern = "#e06c00";
    public const string Neither = "#7a3db8";
    public const string DataLine = "#aeb7bd";
    public const string Mean = "#231f20";
    public const string ProcessLimit = "#425563";
    public const string Target = "#da291c";
    public const string Grid = "#e8edee";
    public const string Text = "#231f20";

    /// <summary>The shading of an annotated span (NHS blue, drawn faint) and its bracket below the axis.</summary>
    public const string Annotation = "#005eb8";

    /// <summary>The colour of a point of this type.</summary>
    public static string Of(PointType type) => type switch
    {
        PointType.SpecialCauseImprovement => Improvement,
        PointType.SpecialCauseConcern => Concern,
        PointType.SpecialCauseNeither => Neither,
        _ => CommonCause,
    };
}
