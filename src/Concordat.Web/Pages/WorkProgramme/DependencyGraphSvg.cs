using System.Globalization;
using System.Net;
using System.Text;
using Concordat.Core.WorkProgramme.Dependencies;
using Concordat.Core.Words;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>
/// Who waits on whom, drawn: organisations round a circle, an arrow from each waiting organisation to the one it waits
/// on, thicker the more open dependencies it carries, and orange when any of them is off track. The table beside it
/// says the same in words.
/// </summary>
public static class DependencyGraphSvg
{
    private const int Width = 860;
    private const int Height = 480;
    private const int Radius = 170;
    private const int NodeRadius = 8;
    private const string Line = "#425563";
    private const string OffTrack = "#ed8b00";

    public static string ToSvg(WhoWaitsOnWhom matrix)
    {
        var names = matrix.Organisations.ToDictionary(o => o.Id, o => o.Name);
        var at = matrix.Organisations.Select((o, i) => (o.Id, Angle: (2 * Math.PI * i / matrix.Organisations.Count) - (Math.PI / 2)))
            .ToDictionary(p => p.Id, p => (X: (Width / 2) + (Radius * Math.Cos(p.Angle)), Y: (Height / 2) + (Radius * Math.Sin(p.Angle))));
        var desc = string.Join(" ", matrix.Cells.Select(c =>
            $"{names[c.WaitingId]} waits on {names[c.WaitedOnId]} for {Prose.Count(c.Open, "item")}{(c.OffTrack == 0 ? "" : $", {c.OffTrack} off track")}."));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="concordat-dependency-graph" role="img" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" aria-labelledby="dg-title" aria-describedby="dg-desc">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="dg-title">Who waits on whom: an arrow from each organisation to the one it waits on</title><desc id="dg-desc">{Encode(desc)}</desc>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<defs><marker id="dg-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>""");
        foreach (var c in matrix.Cells)
        {
            var (from, to) = (at[c.WaitingId], at[c.WaitedOnId]);
            // Arrows between the same two organisations in both directions bow apart rather than overlap.
            var (dx, dy) = (to.X - from.X, to.Y - from.Y);
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            var (ux, uy) = (dx / length, dy / length);
            var (sx, sy) = (from.X + (ux * (NodeRadius + 4)), from.Y + (uy * (NodeRadius + 4)));
            var (ex, ey) = (to.X - (ux * (NodeRadius + 6)), to.Y - (uy * (NodeRadius + 6)));
            var (cx, cy) = (((sx + ex) / 2) - (uy * 30), ((sy + ey) / 2) + (ux * 30));
            var width = Math.Min(1.5 + c.Open, 8);
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{N(sx)},{N(sy)} Q{N(cx)},{N(cy)} {N(ex)},{N(ey)}" fill="none" stroke="{(c.OffTrack > 0 ? OffTrack : Line)}" stroke-width="{N(width)}" marker-end="url(#dg-arrow)"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(cx)}" y="{N(cy)}" font-size="13" text-anchor="middle">{c.Open}</text>""");
        }
        foreach (var (id, name) in matrix.Organisations)
        {
            var (x, y) = at[id];
            var anchor = Math.Abs(x - (Width / 2)) < 1 ? "middle" : x < Width / 2 ? "end" : "start";
            var (tx, ty) = (x + (anchor == "end" ? -12 : anchor == "start" ? 12 : 0), y + (y < Height / 2 ? -14 : 22));
            svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{N(x)}" cy="{N(y)}" r="{NodeRadius}" fill="#005eb8"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(tx)}" y="{N(ty)}" font-size="13" text-anchor="{anchor}">{Encode(name)}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
