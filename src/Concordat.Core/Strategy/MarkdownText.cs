using System.Text.RegularExpressions;

namespace Concordat.Core.Strategy;

/// <summary>
/// People's text as Markdown that reads as they wrote it and can do nothing else: a renderer that lets raw HTML
/// through still shows <c>&lt;script&gt;</c> as text, and a title cannot start a list, a heading or a link.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>
    /// <c>&lt;</c> and <c>&gt;</c> become character references, and so does <c>&amp;</c> where it would start one ("A&amp;E"
    /// stays as written, "&amp;lt;" is shown, not decoded); the characters that make emphasis, code, links, headings, strike-through
    /// and table cells are escaped with a backslash, as is a list number or marker (or a rule of dashes) at the start; line breaks become spaces, so
    /// the text stays inside the line it is put in.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        var oneLine = LineBreaks().Replace(text, " ");
        for (var i = 0; i < oneLine.Length; i++)
        {
            var c = oneLine[i];
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&' when CharacterReference().IsMatch(oneLine, i):
                    escaped.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                case '-' or '+' when i == 0 && (oneLine.Length == 1 || oneLine[1] is ' ' or '\t' or '-'):
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }
        var listNumber = ListNumber().Match(oneLine);
        if (listNumber.Success)
        {
            // Escaping the list number's full stop or bracket ("2026. A year" would otherwise start a numbered list).
            escaped.Insert(listNumber.Length - 1, '\\');
        }
        return escaped.ToString();
    }

    /// <summary>
    /// Markdown a person wrote as a block of the strategy (a vision, its principles), made safe to hand to any renderer:
    /// script, style and embedded elements go with their content, every other HTML tag and comment goes and leaves its
    /// text, and a link or image to a javascript:, vbscript: or data: address keeps only its words. Repeated until
    /// nothing changes, so pieces left by one removal cannot join into a tag. Line breaks are kept as written (as \n).
    /// </summary>
    public static string? Sanitise(string? markdown)
    {
        if (markdown is null)
        {
            return null;
        }
        var text = markdown.ReplaceLineEndings("\n");
        string before;
        do
        {
            before = text;
            text = DangerousElement().Replace(text, "");
            text = HtmlComment().Replace(text, "");
            text = HtmlTag().Replace(text, "");
            text = ScriptLink().Replace(text, "$1");
        }
        while (text != before);
        return text.Trim();
    }

    /// <summary>
    /// A block of sanitised Markdown placed under a heading of level two: its own headings move down two levels, so
    /// that "# Workforce" in a convenor's text does not stand beside the document's own sections.
    /// </summary>
    public static string Nested(string markdown) =>
        string.Join("\n", markdown.ReplaceLineEndings("\n").Split('\n').Select(line => AtxHeading().IsMatch(line) ? "##" + line.TrimStart() : line));

    [GeneratedRegex(@"<\s*(script|style|iframe|object|embed|template|noscript)\b.*?(<\s*/\s*\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DangerousElement();

    [GeneratedRegex(@"<!--.*?(-->|$)", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>|<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"!?\[([^\]]*)\]\(\s*<?\s*(?:javascript|vbscript|data)\s*:(?:[^()]|\([^()]*\))*\)", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptLink();

    [GeneratedRegex(@"^ {0,3}#{1,4}(\s|$)")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")]
    private static partial Regex CharacterReference();

    [GeneratedRegex(@"^[0-9]{1,9}[.)](?=[ \t]|$)")]
    private static partial Regex ListNumber();
}
