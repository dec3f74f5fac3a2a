namespace Concordat.Spc.Charts;

/// <summary>
/// Laying out text in an SVG drawn without a browser to measure it: widths are estimated from the number of
/// characters, generously (Arial's average character is nearer half its size), so that text fits where it is put.
/// </summary>
internal static class ChartText
{
    /// <summary>An estimated character's width, as a fraction of the font size.</summary>
    public const double CharacterWidth = 0.56;

    public static double Width(string text, double fontSize, bool bold = false) =>
        text.Length * fontSize * (bold ? CharacterWidth + 0.05 : CharacterWidth);

    /// <summary>The text in lines no wider than <paramref name="width"/>, broken between words (a longer word has a line of its own).</summary>
    public static List<string> Wrap(string text, double width, double fontSize, bool bold = false)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width(longer, fontSize, bold) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>
    /// Centres for labels wanted at <paramref name="wanted"/> (in ascending order), each at least <paramref name="gap"/>
    /// from the next and all within <paramref name="top"/> to <paramref name="bottom"/> where they fit: pushed down
    /// past the one above, then back up from the bottom.
    /// </summary>
    public static double[] Spread(double[] wanted, double gap, double top, double bottom)
    {
        var placed = new double[wanted.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            placed[i] = Math.Max(wanted[i], i == 0 ? top : placed[i - 1] + gap);
        }

        for (var i = wanted.Length - 1; i >= 0; i--)
        {
            var limit = i == wanted.Length - 1 ? bottom : placed[i + 1] - gap;
            placed[i] = Math.Min(placed[i], limit);
        }

        return placed;
    }
}
