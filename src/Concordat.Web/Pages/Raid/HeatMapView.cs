using System.Globalization;
using System.Net;
using System.Text;
using Concordat.Core.Raid;
using Concordat.Core.Words;

namespace Concordat.Web.Pages.Raid;

/// <summary>
/// One drawing of the 5×5 heat map: likelihood in rows (5 at the top), impact in columns (5 at the right), each cell
/// coloured by its band and showing how many open risks score there. The table beside it is the accessible alternative;
/// the SVG's description also names every cell that has risks.
/// </summary>
public sealed record HeatMapView(string Id, string Title, IReadOnlyList<HeatMapCell> Cells)
{
    private const int Cell = 64;
    private const int Left = 130;
    private const int Top = 10;
    private const int Bottom = 60;
    private const string Ink = "#212b32";

    public int Total => Cells.Sum(c => c.Count);

    public string Description =>
        $"{Prose.Count(Total, "open risk")} by likelihood (rows, 5 almost certain at the top) and impact (columns, 5 catastrophic at the right)."
        + string.Concat(Cells.Where(c => c.Count > 0)
            .Select(c => $" Likelihood {c.Likelihood}, impact {c.Impact}: {Prose.Count(c.Count, "risk")}, {c.Band.InWords().ToLowerInvariant()}."));

    public string ToSvg()
    {
        var width = Left + (RiskMatrix.Max * Cell) + 10;
        var height = Top + (RiskMatrix.Max * Cell) + Bottom;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" class="concordat-heat-map" viewBox="0 0 {width} {height}" width="100%" style="max-width: {width}px" aria-labelledby="{Id}-title" aria-describedby="{Id}-desc">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{Id}-title">{E(Title)}</title><desc id="{Id}-desc">{E(Description)}</desc>""");
        foreach (var c in Cells)
        {
            var (fill, text) = Colours(c.Band);
            var x = Left + ((c.Impact - 1) * Cell);
            var y = Top + ((RiskMatrix.Max - c.Likelihood) * Cell);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<g class="concordat-heat-map__cell" data-likelihood="{c.Likelihood}" data-impact="{c.Impact}" data-count="{c.Count}" data-band="{c.Band}">""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{Cell}" height="{Cell}" fill="{fill}" stroke="#ffffff" stroke-width="2"/>""");
            if (c.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<text x="{x + (Cell / 2)}" y="{y + (Cell / 2) + 7}" text-anchor="middle" font-size="20" font-weight="bold" fill="{text}" font-family="Arial,Helvetica,sans-serif">{c.Count}</text>""");
            }
            svg.Append("</g>");
        }
        for (var l = RiskMatrix.Min; l <= RiskMatrix.Max; l++)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Left - 8}" y="{Top + ((RiskMatrix.Max - l) * Cell) + (Cell / 2) + 5}" text-anchor="end" font-size="14" fill="{Ink}" font-family="Arial,Helvetica,sans-serif">{l} {E(RiskMatrix.Likelihood(l))}</text>""");
        }
        for (var i = RiskMatrix.Min; i <= RiskMatrix.Max; i++)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Left + ((i - 1) * Cell) + (Cell / 2)}" y="{Top + (RiskMatrix.Max * Cell) + 22}" text-anchor="middle" font-size="14" fill="{Ink}" font-family="Arial,Helvetica,sans-serif">{i}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"""<text x="{Left + (RiskMatrix.Max * Cell / 2)}" y="{height - 14}" text-anchor="middle" font-size="14" fill="{Ink}" font-family="Arial,Helvetica,sans-serif">Impact, 1 negligible to 5 catastrophic</text>""");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The NHS.UK palette's colours for the bands, each with a text colour that reads on it.</summary>
    public static (string Fill, string Text) Colours(RiskBand band) => band switch
    {
        RiskBand.Low => ("#007f3b", "#ffffff"),
        RiskBand.Moderate => ("#ffeb3b", Ink),
        RiskBand.High => ("#ed8b00", Ink),
        RiskBand.Extreme => ("#d5281b", "#ffffff"),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    public static string TagColour(RiskBand band) => band switch
    {
        RiskBand.Low => "green",
        RiskBand.Moderate => "yellow",
        RiskBand.High => "orange",
        RiskBand.Extreme => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
