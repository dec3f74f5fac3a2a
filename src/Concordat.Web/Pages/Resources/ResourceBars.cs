using System.Globalization;
using System.Net;
using System.Text;

namespace Concordat.Web.Pages.Resources;

/// <summary>
/// Horizontal bars, one per kind and unit, each scaled to what is available: the committed share in blue, the idle
/// share in pale grey, anything committed beyond the capacity in red past the end. Units differ between bars, so
/// each is read as a share of its own capacity; the table beside it gives the numbers.
/// </summary>
public static class ResourceBars
{
    private const int Width = 640;
    private const int LabelWidth = 220;
    private const int BarHeight = 22;
    private const int RowHeight = 34;
    private const string Committed = "#005eb8";
    private const string Idle = "#d8dde0";
    private const string Over = "#d5281b";

    public sealed record Bar(string Label, double Available, double Committed, string AmountText);

    public static string ToSvg(string id, string title, IReadOnlyList<Bar> bars)
    {
        var height = 40 + (bars.Count * RowHeight);
        var plot = Width - LabelWidth - 70;
        var svg = new StringBuilder();
        var desc = string.Join(" ", bars.Select(b => $"{b.Label}: {b.AmountText}."));
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="concordat-bars" role="img" viewBox="0 0 {Width} {height}" width="{Width}" height="{height}" aria-labelledby="{id}-title" aria-describedby="{id}-desc">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Encode(title)}</title><desc id="{id}-desc">{Encode(desc)}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="8" width="12" height="12" fill="{Committed}"/><text x="{LabelWidth + 18}" y="18" font-size="12">Committed</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth + 100}" y="8" width="12" height="12" fill="{Idle}" stroke="#768692"/><text x="{LabelWidth + 118}" y="18" font-size="12">Idle</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth + 160}" y="8" width="12" height="12" fill="{Over}"/><text x="{LabelWidth + 178}" y="18" font-size="12">Over-committed</text>""");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 32 + (i * RowHeight);
            var share = bar.Available > 0 ? Math.Min(bar.Committed / bar.Available, 1) : (bar.Committed > 0 ? 1 : 0);
            var over = bar.Available > 0 ? Math.Min(Math.Max(bar.Committed - bar.Available, 0) / bar.Available, 0.25) : 0;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth - 8}" y="{y + 15}" font-size="13" text-anchor="end">{Encode(bar.Label)}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y}" width="{plot}" height="{BarHeight}" fill="{Idle}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y}" width="{Round(plot * share)}" height="{BarHeight}" fill="{Committed}"/>""");
            if (over > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth + plot}" y="{y}" width="{Round(plot * over)}" height="{BarHeight}" fill="{Over}"/>""");
            }
            var percent = bar.Available > 0 ? bar.Committed / bar.Available : 0;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width - 4}" y="{y + 15}" font-size="12" text-anchor="end">{percent.ToString("0%", CultureInfo.InvariantCulture)}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Round(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
