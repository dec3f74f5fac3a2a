using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>Details the fixtures cannot show, such as exact visually hidden text (the comparison trims text).</summary>
public sealed class ComponentBehaviourTests
{
    [Fact]
    public async Task Select_ItemsWithAGroup_AreWrappedInOptgroupsInOrder_AndUngroupedItemsStayOutside()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        var north = new Microsoft.AspNetCore.Mvc.Rendering.SelectListGroup { Name = "North" };
        var south = new Microsoft.AspNetCore.Mvc.Rendering.SelectListGroup { Name = "South" };

        var html = await TagHelperHarness.RenderAsync(
            new NhsSelectTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.Region), Label = "Region",
                Items = [new("Select a region", ""), new("Leeds", "leeds") { Group = north }, new("York", "york") { Group = north }, new("Bath", "bath") { Group = south }],
            },
            "nhs-select");

        var document = await Html.ParseAsync(html);
        Assert.Equal(["North", "South"], document.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal(["leeds", "york"], document.QuerySelectorAll("optgroup[label=North] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("", document.QuerySelector("select > option")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Breadcrumb_BackLink_HasVisuallyHiddenBackToPrefixAndPointsAtTheLastItem()
    {
        var html = await TagHelperHarness.RenderWithChildrenAsync(
            new NhsBreadcrumbTagHelper(),
            "nhs-breadcrumb",
            [
                new ChildTag("nhs-breadcrumb-item", new NhsBreadcrumbItemTagHelper { Href = "/" }, TagHelperHarness.Text("Home")),
                new ChildTag("nhs-breadcrumb-item", new NhsBreadcrumbItemTagHelper { Href = "/organisations" }, TagHelperHarness.Text("Organisations")),
            ]);

        Assert.EndsWith(
            """<a class="nhsuk-back-link" href="/organisations"><span class="nhsuk-u-visually-hidden">Back to </span>Organisations</a></nav>""",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryRow_ActionLink_HasVisuallyHiddenContextWithLeadingSpace()
    {
        var html = await TagHelperHarness.RenderWithChildrenAsync(
            new NhsSummaryListTagHelper(),
            "nhs-summary-list",
            [new ChildTag("nhs-summary-row", new NhsSummaryRowTagHelper { Key = "Name", ActionHref = "/change-name", ActionVisuallyHiddenText = "name" }, TagHelperHarness.Text("Karen"))]);

        Assert.Contains(
            """<a class="nhsuk-link" href="/change-name">Change<span class="nhsuk-u-visually-hidden"> name</span></a>""",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryRow_ActionVisuallyHiddenText_DefaultsToTheKey()
    {
        var html = await TagHelperHarness.RenderWithChildrenAsync(
            new NhsSummaryListTagHelper(),
            "nhs-summary-list",
            [new ChildTag("nhs-summary-row", new NhsSummaryRowTagHelper { Key = "Date of birth", ActionHref = "#" }, TagHelperHarness.Text("1 May 1980"))]);

        Assert.Contains("""<span class="nhsuk-u-visually-hidden"> Date of birth</span>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public Task SummaryRow_OutsideASummaryList_Throws() =>
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            TagHelperHarness.RenderAsync(new NhsSummaryRowTagHelper { Key = "Name" }, "nhs-summary-row"));

    [Fact]
    public Task BreadcrumbItem_OutsideABreadcrumb_Throws() =>
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            TagHelperHarness.RenderAsync(new NhsBreadcrumbItemTagHelper { Href = "/" }, "nhs-breadcrumb-item"));

    [Fact]
    public async Task InsetText_HasVisuallyHiddenInformationPrefix()
    {
        var html = await TagHelperHarness.RenderAsync(new NhsInsetTextTagHelper { Text = "Bring your letter." }, "nhs-inset-text");

        Assert.StartsWith(
            """<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span><p>""",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task WarningCallout_HeadingMentioningImportant_HasNoHiddenPrefix()
    {
        var html = await TagHelperHarness.RenderAsync(
            new NhsWarningCalloutTagHelper { Heading = "Important: bring ID", Text = "Photo ID is required." }, "nhs-warning-callout");

        Assert.DoesNotContain("nhsuk-u-visually-hidden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pagination_DefaultTitles_HaveVisuallyHiddenPageWord()
    {
        var html = await TagHelperHarness.RenderAsync(
            new NhsPaginationTagHelper { PreviousHref = "/1", NextHref = "/3" }, "nhs-pagination");

        Assert.Contains("""Previous<span class="nhsuk-u-visually-hidden"> page</span>""", html, StringComparison.Ordinal);
        Assert.Contains("""Next<span class="nhsuk-u-visually-hidden"> page</span>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_MinimizedPreventDoubleClickAndPassThroughAttributes()
    {
        var html = await TagHelperHarness.RenderAsync(
            new NhsButtonTagHelper { Type = "submit", Variant = "secondary", PreventDoubleClick = true },
            "nhs-button",
            TagHelperHarness.Text("Save"),
            [new TagHelperAttribute("name", "action"), new TagHelperAttribute("value", "save"), new TagHelperAttribute("class", "app-save")]);

        var button = await Html.QueryAsync(html, "button");
        Assert.Equal("true", button.GetAttribute("data-prevent-double-click"));
        Assert.Equal("action", button.GetAttribute("name"));
        Assert.Equal("save", button.GetAttribute("value"));
        Assert.Equal(["nhsuk-button", "nhsuk-button--secondary", "app-save"], button.ClassList);
    }

    [Fact]
    public Task Button_UnknownVariant_Throws() =>
        Assert.ThrowsAsync<InvalidOperationException>(() =>
            TagHelperHarness.RenderAsync(new NhsButtonTagHelper { Variant = "primary" }, "nhs-button", TagHelperHarness.Text("Save")));

    [Fact]
    public async Task NotificationBanner_Success_IsAnAlert_OtherwiseARegion()
    {
        var success = await Html.QueryAsync(
            await TagHelperHarness.RenderAsync(new NhsNotificationBannerTagHelper { Type = "success", Text = "Saved" }, "nhs-notification-banner"),
            "div");
        var neutral = await Html.QueryAsync(
            await TagHelperHarness.RenderAsync(new NhsNotificationBannerTagHelper { Text = "Read this" }, "nhs-notification-banner"),
            "div");

        Assert.Equal("alert", success.GetAttribute("role"));
        Assert.Equal("region", neutral.GetAttribute("role"));
        Assert.Equal("nhsuk-notification-banner-title", success.GetAttribute("aria-labelledby"));
    }
}
