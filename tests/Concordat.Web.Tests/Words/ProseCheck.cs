using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Concordat.Web.Tests.Words;

/// <summary>
/// The mistakes that make a page or a board paper read as machine output: each rule names one, and finds it in
/// the text a reader sees (no tags, scripts, styles or attribute values).
/// </summary>
public static partial class ProseCheck
{
    public sealed record Rule(string Name, Regex Pattern);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("doubled punctuation", DoubledPunctuation()),
        new("space before punctuation", SpaceBeforePunctuation()),
        new("\"(s)\" instead of a plural", PluralInBrackets()),
        new("an identifier in PascalCase", PascalCase()),
        new("True or False", TrueOrFalse()),
        new("an ISO date (yyyy-mm-dd)", IsoDate()),
        new("a currency symbol after its number", CurrencyAfterNumber()),
        new("markup shown as text", EscapedMarkup()),
    ];

    /// <summary>
    /// Legitimate exceptions, each with its reason. A finding is allowed when its surrounding line contains the text.
    /// </summary>
    public static readonly IReadOnlyList<(string Rule, string LineContains)> Allowed =
    [
        // The NHS.UK pagination component puts a visually hidden colon between "Previous" and the page it links to.
        ("space before punctuation", "Previous :"),
        ("space before punctuation", "Next :"),
        // A trajectory is typed as lines of a period's start and a value, so its hint shows the form to type.
        ("an ISO date (yyyy-mm-dd)", "like 2026-04-01, 78"),
        // The upload page's help describes the file's layout: its column names and the ways a period may be written.
        ("an ISO date (yyyy-mm-dd)", "Periods can be written like 2024-04-01"),
        // The API reference names the standard its document follows.
        ("an identifier in PascalCase", "OpenAPI"),
    ];

    /// <summary>Each problem in <paramref name="text"/>: the rule broken and the line it is on.</summary>
    public static IEnumerable<string> Problems(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var rule in Rules)
            {
                foreach (Match match in rule.Pattern.Matches(line))
                {
                    if (!Allowed.Any(a => a.Rule == rule.Name && line.Contains(a.LineContains, StringComparison.Ordinal) && AllowedCovers(a, line, match)))
                    {
                        yield return $"{rule.Name} (\"{match.Value.Trim()}\") in: {line}";
                    }
                }
            }
        }
    }

    // An allowance covers a finding only when the finding is inside (or is) the allowed text, so that one allowed
    // word does not excuse another mistake on the same line.
    private static bool AllowedCovers((string Rule, string LineContains) allowed, string line, Match match)
    {
        for (var at = line.IndexOf(allowed.LineContains, StringComparison.Ordinal); at >= 0;
             at = line.IndexOf(allowed.LineContains, at + 1, StringComparison.Ordinal))
        {
            if (match.Index < at + allowed.LineContains.Length && match.Index + match.Length > at)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The text a reader sees, one line per block: script, style and template elements are dropped, as are the
    /// values of attributes; text inside inline elements runs on as the browser shows it. A code element reads as the
    /// one word "code": it shows what a machine reads (a field's name, an enum's value, a header), spelt as the machine
    /// spells it, while the sentence around it must still read as prose.
    /// </summary>
    public static string VisibleText(IDocument document)
    {
        var text = new StringBuilder();
        text.Append(document.Title).Append('\n');
        if (document.Body is { } body)
        {
            Append(body, text);
        }
        return string.Join('\n', text.ToString().Split('\n').Select(l => Whitespace().Replace(l, " ").Trim()).Where(l => l.Length > 0));
    }

    /// <summary>Markdown as it reads: emphasis marks and table rules removed, one line per line.</summary>
    public static string MarkdownText(string markdown) =>
        string.Join('\n', markdown.Split('\n')
            .Where(l => !TableRule().IsMatch(l))
            .Select(l => l.Replace("**", "", StringComparison.Ordinal).TrimStart('#', ' ', '-').Replace("|", "\n", StringComparison.Ordinal)));

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary",
        "table", "td", "th", "tr", "ul", "label", "button", "textarea", "select", "title", "text", "desc", "g",
    };

    // A text area's content is the value of its field, as an input's value attribute is.
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript", "textarea" };

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    // Line breaks in the source are spaces on the page; only blocks start new lines.
                    text.Append(Whitespace().Replace(t.Data, " "));
                    break;
                case IElement e when Invisible.Contains(e.LocalName) || e.HasAttribute("hidden"):
                    break;
                case IElement { LocalName: "code" }:
                    text.Append("code");
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }
                    Append(e, text);
                    if (block)
                    {
                        text.Append('\n');
                    }
                    break;
            }
        }
    }

    // ".." or ".;" or ",." but not an ellipsis written as three full stops.
    [GeneratedRegex(@"(?<!\.)(?:[.,;:!?][,;:!?]|[,;:!?]\.|\.\.(?!\.))")]
    private static partial Regex DoubledPunctuation();

    // "go : Blood" or "one ." but not a lone punctuation mark standing for a value.
    [GeneratedRegex(@"(?<=[\p{L}\p{N})""”’])[ \t]+[.,;:!?](?=\s|$)")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\w\(s\)")]
    private static partial Regex PluralInBrackets();

    // "FiscalMeasures", "ConsentWithConcerns", "OnTrack": a capital, lower-case letters, then another capital.
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"\b(?:True|False)\b")]
    private static partial Regex TrueOrFalse();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\d[ \u00a0]?[£€$]")]
    private static partial Regex CurrencyAfterNumber();

    // "A&amp;E": text encoded twice, so the reader sees the entity instead of the character.
    [GeneratedRegex(@"&(?:[a-z]+|#\d+|#x[0-9a-f]+);", RegexOptions.IgnoreCase)]
    private static partial Regex EscapedMarkup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*\|[-:| ]+\|\s*$")]
    private static partial Regex TableRule();
}
