using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>Text options and bound values are always HTML-encoded; only child content passes through as markup.</summary>
public sealed class EncodingTests
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Input_EncodesLabelHintValueAndError()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .Posted("Input.Name", Script + "\" onfocus=\"alert(2)")
            .WithError("Input.Name", Script);

        var html = await TagHelperHarness.RenderAsync(
            new NhsInputTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.Name), Label = Script, Hint = Script, Prefix = Script,
            },
            "nhs-input");

        var document = await Html.ParseAsync(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        var input = document.QuerySelector("input")!;
        Assert.Equal(Script + "\" onfocus=\"alert(2)", input.GetAttribute("value"));
        Assert.False(input.HasAttribute("onfocus"));
        Assert.Equal(Script, document.QuerySelector("label")!.TextContent);
        Assert.Equal(Script, document.QuerySelector(".nhsuk-hint")!.TextContent);
        Assert.Equal("Error: " + Script, document.QuerySelector(".nhsuk-error-message")!.TextContent);
    }

    [Fact]
    public async Task Textarea_EncodesValue()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Notes = "</textarea>" + Script } });

        var html = await TagHelperHarness.RenderAsync(
            new NhsTextareaTagHelper { ViewContext = view.ViewContext, For = view.For(m => m.Input.Notes), Label = "Notes" }, "nhs-textarea");

        var document = await Html.ParseAsync(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal("</textarea>" + Script, document.QuerySelector("textarea")!.TextContent);
    }

    [Fact]
    public async Task ChoiceItemsAndLegend_AreEncoded()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var html = await TagHelperHarness.RenderAsync(
            new NhsRadiosTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.Answer), Legend = Script, Hint = Script,
                Items = [new(Script, "\"><script>")],
            },
            "nhs-radios");

        var document = await Html.ParseAsync(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal("\"><script>", document.QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(Script, document.QuerySelector("legend")!.TextContent);
    }

    [Fact]
    public async Task SelectOptions_AreEncoded()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());

        var html = await TagHelperHarness.RenderAsync(
            new NhsSelectTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.Region), Label = Script, Items = [new(Script, Script)],
            },
            "nhs-select");

        var document = await Html.ParseAsync(html);
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal(Script, document.QuerySelector("option")!.TextContent);
    }

    public static TheoryData<string, Func<TagHelper>> TextOptionComponents() => new()
    {
        { "nhs-warning-callout", () => new NhsWarningCalloutTagHelper { Heading = Script, Text = Script } },
        { "nhs-inset-text", () => new NhsInsetTextTagHelper { Text = Script } },
        { "nhs-notification-banner", () => new NhsNotificationBannerTagHelper { Title = Script, Heading = Script, Text = Script } },
        { "nhs-pagination", () => new NhsPaginationTagHelper { PreviousHref = "#", PreviousText = Script, PreviousLabel = Script } },
        { "nhs-back-link", () => new NhsBackLinkTagHelper { Href = "#", VisuallyHiddenText = Script } },
    };

    [Theory]
    [MemberData(nameof(TextOptionComponents))]
    public async Task TextOptions_AreEncoded(string tagName, Func<TagHelper> create)
    {
        var html = await TagHelperHarness.RenderAsync(create(), tagName);

        Assert.Empty((await Html.ParseAsync(html)).QuerySelectorAll("script"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryRow_KeyAndActionText_AreEncoded()
    {
        var html = await TagHelperHarness.RenderWithChildrenAsync(
            new NhsSummaryListTagHelper(),
            "nhs-summary-list",
            [new ChildTag("nhs-summary-row", new NhsSummaryRowTagHelper { Key = Script, ActionHref = "#", ActionText = Script }, TagHelperHarness.Text(Script))]);

        Assert.Empty((await Html.ParseAsync(html)).QuerySelectorAll("script"));
    }

    [Fact]
    public async Task BreadcrumbBackLinkText_IsEncoded()
    {
        var html = await TagHelperHarness.RenderWithChildrenAsync(
            new NhsBreadcrumbTagHelper { BackLinkText = Script, BackLinkHref = "#" },
            "nhs-breadcrumb",
            [new ChildTag("nhs-breadcrumb-item", new NhsBreadcrumbItemTagHelper { Href = "#" }, TagHelperHarness.Text(Script))]);

        Assert.Empty((await Html.ParseAsync(html)).QuerySelectorAll("script"));
    }

    [Fact]
    public async Task ChildContent_IsTrustedMarkup()
    {
        var html = await TagHelperHarness.RenderAsync(
            new NhsInsetTextTagHelper(), "nhs-inset-text", TagHelperHarness.Html("<p>See <a href=\"/guidance\">guidance</a></p>"));

        Assert.NotNull((await Html.ParseAsync(html)).QuerySelector(".nhsuk-inset-text > p > a[href='/guidance']"));
    }
}
