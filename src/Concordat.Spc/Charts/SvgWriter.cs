using System.Globalization;
using System.Text;

namespace Concordat.Spc.Charts;

/// <summary>
/// A minimal SVG writer: elements, escaped attributes and text, and coordinates rounded to 0.1 px in the invariant
/// culture, so that the output is small and the same input always gives the same bytes.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder text = new(4096);

    public SvgWriter Start(string element)
    {
        text.Append('<').Append(element);
        return this;
    }

    public SvgWriter Attribute(string name, string value)
    {
        text.Append(' ').Append(name).Append("=\"");
        Escape(value);
        text.Append('"');
        return this;
    }

    public SvgWriter Attribute(string name, double value) => Attribute(name, Number(value));

    /// <summary>Ends a start tag that has content.</summary>
    public SvgWriter Open()
    {
        text.Append('>');
        return this;
    }

    /// <summary>Ends an element that has no content.</summary>
    public void Empty() => text.Append("/>");

    public SvgWriter Content(string value)
    {
        Escape(value);
        return this;
    }

    public void End(string element) => text.Append("</").Append(element).Append('>');

    /// <summary>An element holding only text.</summary>
    public void TextElement(string element, string content, params ReadOnlySpan<(string Name, string Value)> attributes)
    {
        Start(element);
        foreach (var (name, value) in attributes)
        {
            Attribute(name, value);
        }

        Open().Content(content).End(element);
    }

    public override string ToString() => text.ToString();

    /// <summary>A coordinate: at most one decimal, no exponent, no negative zero.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            // Only reachable from values near double.MaxValue, whose limits overflow; keep the SVG valid.
            return "0";
        }

        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }

    private void Escape(string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => text.Append("&amp;"),
                '<' => text.Append("&lt;"),
                '>' => text.Append("&gt;"),
                '"' => text.Append("&quot;"),
                // Characters XML 1.0 forbids (control characters, lone surrogates are kept as is) are dropped.
                < ' ' and not ('\t' or '\n' or '\r') => text,
                _ => text.Append(c),
            };
        }
    }
}
