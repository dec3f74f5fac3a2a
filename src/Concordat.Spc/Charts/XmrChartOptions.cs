namespace Concordat.Spc.Charts;

/// <summary>How to draw an XmR chart. Sizes are in SVG user units (pixels at 100%).</summary>
public sealed record XmrChartOptions
{
    /// <summary>Title, drawn above the chart and used as its accessible name. Defaults to the measure's name.</summary>
    public string? Title { get; init; }

    /// <summary>Measure name, unit (shown on the value axis) and period labels (shown on the x axis).</summary>
    public SpcLabels Labels
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Labels));
    } = SpcLabels.None;

    /// <summary>
    /// A trajectory: the value planned for each point, or null where none is planned. Empty (the default) or one entry
    /// per point. Drawn as a stepped dashed line; assurance still reads only the single target.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<double?> Trajectory
    {
        get;
        init => field = value.IsDefault ? [] : value.All(v => v is null || double.IsFinite(v.Value))
            ? value : throw new ArgumentException("Trajectory values must be finite numbers or null.", nameof(Trajectory));
    } = [];

    /// <summary>
    /// Spans of points to mark, such as the periods a test of change ran over: each is shaded over the plot and named
    /// in words below the period axis (and in the description), so it never rests on colour alone.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<XmrAnnotation> Annotations
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];

    /// <summary>Width, at least 240. Default 640.</summary>
    public int Width
    {
        get;
        init => field = value >= 240 ? value : throw new ArgumentOutOfRangeException(nameof(Width), value, "Width must be at least 240.");
    } = 640;

    /// <summary>Height of the title, plot and period axis, at least 160. Default 320. The key below (and any note) adds to it.</summary>
    public int Height
    {
        get;
        init => field = value >= 160 ? value : throw new ArgumentOutOfRangeException(nameof(Height), value, "Height must be at least 160.");
    } = 320;

    /// <summary>
    /// Prefix of the ids the SVG uses for its title and description. Give each chart on a page its own prefix: ids
    /// must be unique in an HTML document once SVGs are inlined. Letters, digits, '-' and '_', starting with a letter.
    /// </summary>
    public string IdPrefix
    {
        get;
        init => field = IsXmlId(value) ? value : throw new ArgumentException("IdPrefix must start with a letter and hold only letters, digits, '-' and '_'.", nameof(IdPrefix));
    } = "spc";

    internal static bool IsXmlId(string? value) =>
        !string.IsNullOrEmpty(value) && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>A span of points, from the first index to the last (inclusive), marked on the chart with its label.</summary>
public sealed record XmrAnnotation
{
    public XmrAnnotation(int first, int last, string label)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(last, first);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        (First, Last, Label) = (first, last, label);
    }

    public int First { get; }
    public int Last { get; }
    public string Label { get; }
}

/// <summary>How to draw a sparkline: a small chart with no axes for tables and cards.</summary>
public sealed record XmrSparklineOptions
{
    /// <summary>Accessible name. Defaults to the measure's name.</summary>
    public string? Title { get; init; }

    /// <summary>Measure name, unit and period labels, for the accessible description.</summary>
    public SpcLabels Labels
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Labels));
    } = SpcLabels.None;

    /// <summary>Width, at least 40. Default 120.</summary>
    public int Width
    {
        get;
        init => field = value >= 40 ? value : throw new ArgumentOutOfRangeException(nameof(Width), value, "Width must be at least 40.");
    } = 120;

    /// <summary>Height, at least 16. Default 32.</summary>
    public int Height
    {
        get;
        init => field = value >= 16 ? value : throw new ArgumentOutOfRangeException(nameof(Height), value, "Height must be at least 16.");
    } = 32;

    /// <inheritdoc cref="XmrChartOptions.IdPrefix"/>
    public string IdPrefix
    {
        get;
        init => field = XmrChartOptions.IsXmlId(value) ? value : throw new ArgumentException("IdPrefix must start with a letter and hold only letters, digits, '-' and '_'.", nameof(IdPrefix));
    } = "spc-spark";
}
