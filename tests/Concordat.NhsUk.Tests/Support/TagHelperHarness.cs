using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>A child tag helper element inside a parent, e.g. a breadcrumb item.</summary>
internal sealed record ChildTag(string TagName, TagHelper TagHelper, IHtmlContent? Content = null);

/// <summary>
/// Runs a tag helper the way Razor does: a <see cref="TagHelperContext"/>, a <see cref="TagHelperOutput"/> holding
/// the unbound attributes and a child content callback, then <c>ProcessAsync</c>, then writes the output.
/// Child tag helpers run inside the parent's child content callback with a copy of the parent's context items,
/// as Razor's tag helper scopes do.
/// </summary>
internal static class TagHelperHarness
{
    public static Task<string> RenderAsync(
        TagHelper tagHelper,
        string tagName,
        IHtmlContent? content = null,
        TagHelperAttributeList? attributes = null) =>
        RenderAsync(tagHelper, tagName, content, attributes, [], new Dictionary<object, object>());

    public static Task<string> RenderWithChildrenAsync(
        TagHelper tagHelper,
        string tagName,
        IReadOnlyList<ChildTag> children,
        TagHelperAttributeList? attributes = null) =>
        RenderAsync(tagHelper, tagName, content: null, attributes, children, new Dictionary<object, object>());

    /// <summary>Child content as Razor produces for literal markup (trusted, not re-encoded).</summary>
    public static IHtmlContent Html(string html) => new HtmlString(html);

    /// <summary>Child content as Razor produces for <c>@expression</c> (encoded).</summary>
    public static IHtmlContent Text(string text) => new StringHtmlContent(text);

    private static async Task<string> RenderAsync(
        TagHelper tagHelper,
        string tagName,
        IHtmlContent? content,
        TagHelperAttributeList? attributes,
        IReadOnlyList<ChildTag> children,
        IDictionary<object, object> items)
    {
        var allAttributes = new TagHelperAttributeList(attributes ?? []);
        var context = new TagHelperContext(tagName, allAttributes, items, Guid.NewGuid().ToString("N"));

        var output = new TagHelperOutput(
            tagName,
            new TagHelperAttributeList(attributes ?? []),
            async (_, _) =>
            {
                var childContent = new DefaultTagHelperContent();
                if (content is not null)
                {
                    childContent.AppendHtml(content);
                }

                foreach (var child in children)
                {
                    var html = await RenderAsync(
                        child.TagHelper, child.TagName, child.Content, attributes: null, [], new Dictionary<object, object>(context.Items));
                    childContent.AppendHtml(html);
                }

                return childContent;
            });

        tagHelper.Init(context);
        await tagHelper.ProcessAsync(context, output);

        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
