using System.Globalization;
using System.Net;
using System.Text;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;

namespace Concordat.Web.Pages.TheoryOfChange;

/// <summary>
/// Draws a driver diagram left to right: the aim, primary drivers, secondary drivers and change ideas in four
/// columns, each box joined to what it serves. The text outline on the page is the accessible alternative; the SVG
/// says in its description how many of each there are.
/// </summary>
public static class DriverDiagramSvg
{
    private const int ColumnWidth = 230;
    private const int Gap = 40;
    private const int LineHeight = 15;
    private const int Padding = 8;
    private const int CharactersPerLine = 30;
    private const int Top = 28;

    private sealed record Box(Guid Id, int Column, double X, double Y, double Height, IReadOnlyList<string> Lines, string Fill, string Stroke);

    public static string ToSvg(DriverDiagram diagram)
    {
        List<(Guid Id, string Text, string Fill, string Stroke)>[] columns =
        [
            [(diagram.GoalId, diagram.Aim, "#005eb8", "#003087")],
            [.. diagram.Primary.Select(d => (d.Driver.Id, d.Driver.Title, "#e8edee", "#425563"))],
            [.. diagram.Secondary.Select(d => (d.Driver.Id, d.Driver.Title, "#e8edee", "#768692"))],
            [.. diagram.ChangeIdeas.Select(c => (c.Idea.Id, c.Idea.Title, c.Idea.IsDiagnosed ? "#fff9c4" : "#fde8e6", c.Idea.IsDiagnosed ? "#ffb81c" : "#d5281b"))],
        ];
        var boxes = new Dictionary<Guid, Box>();
        double height = 0;
        for (var c = 0; c < columns.Length; c++)
        {
            double y = Top;
            foreach (var (id, text, fill, stroke) in columns[c])
            {
                var lines = Wrap(text);
                var h = (lines.Count * LineHeight) + (2 * Padding);
                boxes[id] = new Box(id, c, c * (ColumnWidth + Gap), y, h, lines, fill, stroke);
                y += h + 14;
            }
            height = Math.Max(height, y);
        }
        var width = (4 * ColumnWidth) + (3 * Gap);
        var svg = new StringBuilder();
        var desc = $"Driver diagram for {diagram.GoalTitle}: the aim, {Prose.Count(diagram.Primary.Count, "primary driver")}, {Prose.Count(diagram.Secondary.Count, "secondary driver")} and {Prose.Count(diagram.ChangeIdeas.Count, "change idea")}, read left to right. The outline below gives the same content as text.";
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" class="concordat-driver-diagram" viewBox="0 0 {width} {N(height)}" width="{width}" height="{N(height)}" aria-labelledby="dd-title" aria-describedby="dd-desc">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="dd-title">{E("Driver diagram: " + diagram.GoalTitle)}</title><desc id="dd-desc">{E(desc)}</desc>""");
        string[] headings = ["Aim", "Primary drivers", "Secondary drivers", "Change ideas"];
        for (var c = 0; c < 4; c++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{c * (ColumnWidth + Gap)}" y="16" font-size="13" font-weight="bold" font-family="Arial,Helvetica,sans-serif">{headings[c]}</text>""");
        }
        void Edge(Guid from, Guid to)
        {
            if (!boxes.TryGetValue(from, out var a) || !boxes.TryGetValue(to, out var b))
            {
                return;
            }
            var (x1, y1, x2, y2) = (a.X + ColumnWidth, a.Y + (a.Height / 2), b.X, b.Y + (b.Height / 2));
            svg.Append(CultureInfo.InvariantCulture, $"""<path d="M{N(x1)} {N(y1)}C{N(x1 + (Gap / 2.0))} {N(y1)} {N(x2 - (Gap / 2.0))} {N(y2)} {N(x2)} {N(y2)}" fill="none" stroke="#768692" stroke-width="1.5"/>""");
        }
        foreach (var primary in diagram.Primary)
        {
            Edge(diagram.GoalId, primary.Driver.Id);
        }
        foreach (var secondary in diagram.Secondary)
        {
            foreach (var primaryId in secondary.ServesPrimaryIds)
            {
                Edge(primaryId, secondary.Driver.Id);
            }
        }
        foreach (var idea in diagram.ChangeIdeas)
        {
            foreach (var secondaryId in idea.SecondaryDriverIds)
            {
                Edge(secondaryId, idea.Idea.Id);
            }
        }
        foreach (var box in boxes.Values)
        {
            var textColour = box.Column == 0 ? "#ffffff" : "#212b32";
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(box.X)}" y="{N(box.Y)}" width="{ColumnWidth}" height="{N(box.Height)}" rx="4" fill="{box.Fill}" stroke="{box.Stroke}" stroke-width="1.5"/>""");
            for (var i = 0; i < box.Lines.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(box.X + Padding)}" y="{N(box.Y + Padding + ((i + 1) * LineHeight) - 3)}" font-size="12" font-family="Arial,Helvetica,sans-serif" fill="{textColour}">{E(box.Lines[i])}</text>""");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    private static List<string> Wrap(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > CharactersPerLine)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        // A very long aim is cut in the picture; the outline beside it carries the whole text.
        return lines.Count > 8 ? [.. lines.Take(7), lines[7] + "…"] : lines;
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
