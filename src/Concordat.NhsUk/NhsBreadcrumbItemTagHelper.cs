using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>One ancestor page in a breadcrumb: <c>&lt;nhs-breadcrumb-item href="/services"&gt;NHS services&lt;/nhs-breadcrumb-item&gt;</c>.</summary>
[HtmlTargetElement("nhs-breadcrumb-item", ParentTag = "nhs-breadcrumb")]
public sealed class NhsBreadcrumbItemTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        if (!context.Items.TryGetValue(typeof(BreadcrumbItem), out var collected) || collected is not List<BreadcrumbItem> items)
        {
            throw new InvalidOperationException("<nhs-breadcrumb-item> must be inside <nhs-breadcrumb>.");
        }

        if (string.IsNullOrEmpty(Href))
        {
            throw new InvalidOperationException("<nhs-breadcrumb-item> needs an 'href' attribute.");
        }

        var content = await output.GetChildContentAsync();
        items.Add(new BreadcrumbItem(Href, new HtmlString(content.GetContent())));
        output.SuppressOutput();
    }
}
