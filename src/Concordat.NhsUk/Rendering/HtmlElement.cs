using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Rendering;

/// <summary>
/// A small HTML element builder. Unlike <c>TagBuilder</c> it keeps attributes in the order they were added,
/// so the output reads like the nhsuk-frontend templates, and it treats the class attribute as a token list
/// so consumer classes can be appended after the component's own classes.
/// Text is always HTML-encoded when written; only <see cref="IHtmlContent"/> passes through unencoded.
/// </summary>
internal sealed class HtmlElement(string tagName) : IHtmlContent
{
    // Elements that must not have a closing tag in HTML.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private readonly List<IHtmlContent> _classes = [];
    private readonly List<KeyValuePair<string, IHtmlContent?>> _attributes = [];
    private readonly List<IHtmlContent> _children = [];

    public string TagName { get; } = tagName;

    /// <summary>Adds class tokens; null or empty tokens are ignored.</summary>
    public HtmlElement AddClass(params string?[] classNames)
    {
        foreach (var className in classNames)
        {
            if (!string.IsNullOrWhiteSpace(className))
            {
                _classes.Add(new StringHtmlContent(className));
            }
        }

        return this;
    }

    /// <summary>Sets an attribute whose value is encoded on output; a null value leaves the attribute out.</summary>
    public HtmlElement SetAttribute(string name, string? value) =>
        value is null ? this : SetAttribute(name, new StringHtmlContent(value));

    /// <summary>Adds a value-less boolean attribute (for example <c>disabled</c>) when <paramref name="present"/> is true.</summary>
    public HtmlElement SetBooleanAttribute(string name, bool present)
    {
        if (present)
        {
            Replace(name, null);
        }

        return this;
    }

    /// <summary>Appends encoded text.</summary>
    public HtmlElement AppendText(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _children.Add(new StringHtmlContent(text));
        }

        return this;
    }

    /// <summary>Appends trusted markup (child content from a Razor view, or another element).</summary>
    public HtmlElement AppendHtml(IHtmlContent? content)
    {
        if (content is not null)
        {
            _children.Add(content);
        }

        return this;
    }

    /// <summary>
    /// Copies attributes the consumer put on the tag helper element but that are not bound to a property
    /// (the equivalent of the templates' <c>classes</c> and <c>attributes</c> options).
    /// Classes are appended; any other attribute replaces one of the same name.
    /// </summary>
    public HtmlElement MergeAttributes(IEnumerable<TagHelperAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (string.Equals(attribute.Name, "class", StringComparison.OrdinalIgnoreCase))
            {
                if (attribute.Value is not null)
                {
                    _classes.Add(ToHtmlContent(attribute.Value));
                }
            }
            else
            {
                Replace(attribute.Name, attribute.ValueStyle == HtmlAttributeValueStyle.Minimized || attribute.Value is null
                    ? null
                    : ToHtmlContent(attribute.Value));
            }
        }

        return this;
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);

        writer.Write('<');
        writer.Write(TagName);

        if (_classes.Count > 0)
        {
            writer.Write(" class=\"");
            for (var i = 0; i < _classes.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(' ');
                }

                _classes[i].WriteTo(writer, encoder);
            }

            writer.Write('"');
        }

        foreach (var (name, value) in _attributes)
        {
            writer.Write(' ');
            writer.Write(name);
            if (value is not null)
            {
                writer.Write("=\"");
                value.WriteTo(writer, encoder);
                writer.Write('"');
            }
        }

        writer.Write('>');

        if (VoidElements.Contains(TagName))
        {
            return;
        }

        foreach (var child in _children)
        {
            child.WriteTo(writer, encoder);
        }

        writer.Write("</");
        writer.Write(TagName);
        writer.Write('>');
    }

    private HtmlElement SetAttribute(string name, IHtmlContent value)
    {
        Replace(name, value);
        return this;
    }

    private void Replace(string name, IHtmlContent? value)
    {
        var index = _attributes.FindIndex(a => string.Equals(a.Key, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            _attributes[index] = new(name, value);
        }
        else
        {
            _attributes.Add(new(name, value));
        }
    }

    // Razor hands unbound attribute values over either already encoded (IHtmlContent) or as plain values.
    private static IHtmlContent ToHtmlContent(object value) => value switch
    {
        IHtmlContent html => html,
        _ => new StringHtmlContent(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
