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

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"\G&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")]
    private static partial Regex CharacterReference();

    [GeneratedRegex(@"^[0-9]{1,9}[.)](?=[ \t]|$)")]
    private static partial Regex ListNumber();
}
