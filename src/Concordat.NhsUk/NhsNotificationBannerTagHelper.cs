using Concordat.NhsUk.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk;

/// <summary>
/// NHS.UK notification banner (<c>components/notification-banner</c>):
/// <c>&lt;nhs-notification-banner type="success" heading="Organisation saved" /&gt;</c>.
/// Trusted child content is the body; otherwise <c>text</c> is rendered as one encoded paragraph.
/// </summary>
[HtmlTargetElement("nhs-notification-banner")]
public sealed class NhsNotificationBannerTagHelper : TagHelper
{
    private const string DefaultTitleId = "nhsuk-notification-banner-title";

    /// <summary><c>success</c> for the green banner announced with <c>role="alert"</c>; leave unset for the
    /// neutral "Important" banner, a <c>role="region"</c> landmark.</summary>
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    /// <summary>The banner title; "Success" or "Important" by default.</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    /// <summary>The title's id, which <c>aria-labelledby</c> points at. Set it when a page has two banners.</summary>
    [HtmlAttributeName("title-id")]
    public string? TitleId { get; set; }

    /// <summary>Optional heading in the banner body.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    /// <summary>Plain text body, used when there is no child content.</summary>
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    /// <summary>Stops a success banner taking focus on page load when set to true.</summary>
    [HtmlAttributeName("disable-auto-focus")]
    public bool? DisableAutoFocus { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);

        var isSuccess = !string.IsNullOrEmpty(Type) && OptionValidation.OneOf(Type, "notification banner type", "success") == "success";
        var titleId = string.IsNullOrEmpty(TitleId) ? DefaultTitleId : TitleId;
        var content = await output.GetChildContentAsync();

        var body = new HtmlElement("div").AddClass("nhsuk-notification-banner__content");
        if (!string.IsNullOrEmpty(Heading))
        {
            body.AppendHtml(new HtmlElement("h3").AddClass("nhsuk-notification-banner__heading").AppendText(Heading));
        }

        if (!content.IsEmptyOrWhiteSpace)
        {
            body.AppendHtml(content);
        }
        else if (!string.IsNullOrEmpty(Text))
        {
            // Without a heading the text is styled as the heading, as in the template.
            body.AppendHtml(new HtmlElement("p")
                .AddClass(string.IsNullOrEmpty(Heading) ? "nhsuk-notification-banner__heading" : "nhsuk-body")
                .AppendText(Text));
        }

        var banner = new HtmlElement("div")
            .AddClass("nhsuk-notification-banner", isSuccess ? "nhsuk-notification-banner--success" : null)
            .SetAttribute("data-module", "nhsuk-notification-banner")
            .SetAttribute("data-disable-auto-focus", DisableAutoFocus is { } disable ? (disable ? "true" : "false") : null)
            // A success message is announced straight away; other banners are a landmark users can navigate to.
            .SetAttribute("role", isSuccess ? "alert" : "region")
            .SetAttribute("aria-labelledby", titleId)
            .MergeAttributes(output.Attributes)
            .AppendHtml(new HtmlElement("div")
                .AddClass("nhsuk-notification-banner__header")
                .AppendHtml(new HtmlElement("h2")
                    .AddClass("nhsuk-notification-banner__title")
                    .SetAttribute("id", titleId)
                    .AppendText(string.IsNullOrEmpty(Title) ? (isSuccess ? "Success" : "Important") : Title)))
            .AppendHtml(body);

        output.RenderInsteadOfTag(banner);
    }
}
