namespace Concordat.Spc.Charts;

/// <summary>
/// SVG icons for every variation and assurance state, drawn for Concordat in the Making Data Count style: a ringed
/// circle in the state's colour holding a letter and an arrow (variation: H or L for the signal's direction) or a
/// letter (assurance: P pass, F fail) or a wave (hit and miss); common cause is a grey ring with a flat zigzag.
/// Each icon is accessible on its own (<c>role="img"</c>, <c>aria-label</c> and <c>&lt;title&gt;</c>).
/// </summary>
public static class SpcIcons
{
    /// <summary>The variation icon.</summary>
    /// <param name="icon">The state to draw.</param>
    /// <param name="size">Width and height.</param>
    /// <param name="provisional">
    /// True when the limits behind the icon rest on 12 points or fewer (<see cref="XmrAnalysis.IsProvisional"/>): the
    /// ring is dashed and the label says so.
    /// </param>
    public static string ToSvg(VariationIcon icon, int size = 40, bool provisional = false)
    {
        var (colour, body) = icon switch
        {
            VariationIcon.CommonCause => (SpcColours.CommonCause, CommonCauseBody()),
            VariationIcon.ImprovementHigh => (SpcColours.Improvement, LetterAndArrow('H', up: true, SpcColours.Improvement)),
            VariationIcon.ImprovementLow => (SpcColours.Improvement, LetterAndArrow('L', up: false, SpcColours.Improvement)),
            VariationIcon.ConcernHigh => (SpcColours.Concern, LetterAndArrow('H', up: true, SpcColours.Concern)),
            VariationIcon.ConcernLow => (SpcColours.Concern, LetterAndArrow('L', up: false, SpcColours.Concern)),
            VariationIcon.NeitherHigh => (SpcColours.Neither, LetterAndArrow('H', up: true, SpcColours.Neither)),
            VariationIcon.NeitherLow => (SpcColours.Neither, LetterAndArrow('L', up: false, SpcColours.Neither)),
            _ => throw new ArgumentOutOfRangeException(nameof(icon), icon, null),
        };
        return Build(XmrSummary.Describe(icon), colour, body, size, provisional);
    }

    /// <summary>The assurance icon.</summary>
    /// <inheritdoc cref="ToSvg(VariationIcon, int, bool)"/>
    public static string ToSvg(AssuranceIcon icon, int size = 40, bool provisional = false)
    {
        var (colour, body) = icon switch
        {
            AssuranceIcon.ConsistentPass => (SpcColours.Improvement, Letter('P', SpcColours.Improvement)),
            AssuranceIcon.ConsistentFail => (SpcColours.Concern, Letter('F', SpcColours.Concern)),
            AssuranceIcon.Inconsistent => (SpcColours.CommonCause, HitAndMissBody()),
            _ => throw new ArgumentOutOfRangeException(nameof(icon), icon, null),
        };
        return Build(XmrSummary.Describe(icon), colour, body, size, provisional);
    }

    private static string Build(string label, string colour, string body, int size, bool provisional)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        if (provisional)
        {
            label += $" ({XmrSummary.ProvisionalNote})";
        }

        var svg = new SvgWriter();
        svg.Start("svg").Attribute("xmlns", "http://www.w3.org/2000/svg").Attribute("viewBox", "0 0 100 100")
            .Attribute("width", size).Attribute("height", size).Attribute("role", "img").Attribute("aria-label", label).Open();
        svg.TextElement("title", label);
        svg.Start("circle").Attribute("cx", "50").Attribute("cy", "50").Attribute("r", "45").Attribute("fill", "#fff")
            .Attribute("stroke", colour).Attribute("stroke-width", "7");
        if (provisional)
        {
            svg.Attribute("stroke-dasharray", "12 6");
        }

        svg.Empty();
        return svg + body + "</svg>";
    }

    private static string Letter(char letter, string colour) =>
        $"<text x=\"50\" y=\"66\" text-anchor=\"middle\" font-family=\"Arial,Helvetica,sans-serif\" font-weight=\"bold\" font-size=\"46\" fill=\"{colour}\">{letter}</text>";

    private static string LetterAndArrow(char letter, bool up, string colour)
    {
        // Letter in the upper half, arrow in the lower half pointing the signal's way.
        var arrow = up ? "M50 84V58M40 68l10-10 10 10" : "M50 58V84M40 74l10 10 10-10";
        return $"<text x=\"50\" y=\"50\" text-anchor=\"middle\" font-family=\"Arial,Helvetica,sans-serif\" font-weight=\"bold\" font-size=\"34\" fill=\"{colour}\">{letter}</text>" +
            $"<path d=\"{arrow}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"7\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";
    }

    private static string CommonCauseBody() =>
        $"<path d=\"M24 56l13-12 13 12 13-12 13 12\" fill=\"none\" stroke=\"{SpcColours.CommonCause}\" stroke-width=\"4\"/>" +
        $"<g fill=\"{SpcColours.CommonCause}\"><circle cx=\"24\" cy=\"56\" r=\"6\"/><circle cx=\"37\" cy=\"44\" r=\"6\"/><circle cx=\"50\" cy=\"56\" r=\"6\"/><circle cx=\"63\" cy=\"44\" r=\"6\"/><circle cx=\"76\" cy=\"56\" r=\"6\"/></g>";

    private static string HitAndMissBody() =>
        $"<path d=\"M20 50c8-16 12-16 20 0s12 16 20 0 12-16 20 0\" fill=\"none\" stroke=\"{SpcColours.CommonCause}\" stroke-width=\"7\" stroke-linecap=\"round\"/>" +
        $"<path d=\"M18 36H82\" stroke=\"{SpcColours.Target}\" stroke-width=\"4\" stroke-dasharray=\"8 5\"/>";
}
