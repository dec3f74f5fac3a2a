using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>
/// Compares HTML structurally: the same elements in the same order, the same attributes (as a set, with
/// class compared as a set of tokens) and the same text once whitespace is collapsed and trimmed.
/// Both sides are rendered to an indented canonical form first, so a failure shows a readable diff.
/// </summary>
internal static partial class MarkupAssert
{
    public static void Equivalent(string expectedHtml, string actualHtml)
    {
        Assert.Equal(Canonical(expectedHtml), Canonical(actualHtml));
    }

    public static string Canonical(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(string.Empty);
        var nodes = parser.ParseFragment(html, document.Body!);

        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            Write(node, builder, depth: 0);
        }

        return builder.ToString();
    }

    private static void Write(INode node, StringBuilder builder, int depth)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case IElement element:
                builder.Append(indent).Append('<').Append(element.LocalName);
                foreach (var attribute in element.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal))
                {
                    var value = attribute.Name == "class"
                        ? string.Join(' ', element.ClassList.Order(StringComparer.Ordinal))
                        : attribute.Value;
                    builder.Append(' ').Append(attribute.Name).Append("=\"").Append(value).Append('"');
                }

                builder.AppendLine(">");
                foreach (var child in element.ChildNodes)
                {
                    Write(child, builder, depth + 1);
                }

                break;

            case IText text:
                var collapsed = Whitespace().Replace(text.Data, " ").Trim();
                if (collapsed.Length > 0)
                {
                    builder.Append(indent).Append('"').Append(collapsed).AppendLine("\"");
                }

                break;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
