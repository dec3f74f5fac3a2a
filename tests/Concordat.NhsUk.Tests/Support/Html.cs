using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>Small AngleSharp helpers for asserting on rendered markup.</summary>
internal static class Html
{
    public static async Task<IDocument> ParseAsync(string html) =>
        await new HtmlParser().ParseDocumentAsync("<!doctype html><html><body>" + html + "</body></html>");

    /// <summary>The first element matching <paramref name="selector"/>; fails when there is none.</summary>
    public static async Task<IElement> QueryAsync(string html, string selector)
    {
        var element = (await ParseAsync(html)).QuerySelector(selector);
        Assert.NotNull(element);
        return element;
    }

    public static async Task<string[]> SelectedValuesAsync(string html, string selector) =>
        (await ParseAsync(html)).QuerySelectorAll(selector).Select(e => e.GetAttribute("value") ?? e.TextContent).ToArray();
}
