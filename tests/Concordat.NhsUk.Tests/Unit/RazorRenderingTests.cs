using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>
/// The README's usage syntax rendered through real Razor (RazorViews/RegistrationForm.cshtml): attribute binding,
/// <c>for</c> model expressions, minimized boolean attributes and parent/child tag helpers.
/// </summary>
public sealed class RazorRenderingTests
{
    private const string ViewPath = "/RazorViews/RegistrationForm.cshtml";

    private static readonly string[] PostedContact = ["email", "text"];

    private static readonly string[] ComponentSelectors =
    [
        "nav.nhsuk-breadcrumb", "a.nhsuk-back-link", "input#Input_Name.nhsuk-input", "textarea#Input_Notes", "select#Input_Region",
        "div.nhsuk-checkboxes", "div.nhsuk-radios.nhsuk-radios--inline", "div#Input_StartsOn.nhsuk-date-input", "button.nhsuk-button", "a.nhsuk-button--secondary",
        "div.nhsuk-inset-text", "div.nhsuk-card--warning", "strong.nhsuk-tag--green", "dl.nhsuk-summary-list",
        "div.nhsuk-notification-banner--success", "nav.nhsuk-pagination",
    ];

    [Fact]
    public async Task EveryNhsElement_IsProcessedByATagHelper()
    {
        var html = await RazorViewRenderer.RenderAsync(ViewPath, new RegistrationPage(), new ModelStateDictionary());

        Assert.DoesNotContain("<nhs-", html, StringComparison.Ordinal);
        var document = await Html.ParseAsync(html);
        foreach (var selector in ComponentSelectors)
        {
            Assert.True(document.QuerySelector(selector) is not null, $"Nothing matches '{selector}'.");
        }
    }

    [Fact]
    public async Task ValidPage_HasNoErrorSummary()
    {
        var html = await RazorViewRenderer.RenderAsync(ViewPath, new RegistrationPage(), new ModelStateDictionary());

        Assert.DoesNotContain("nhsuk-error-summary", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBackWithErrors_ShowsSummaryLinkingToFields_AndKeepsAttemptedValues()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Email", "not-an-email", "not-an-email");
        modelState.SetModelValue("Input.Password", "hunter2", "hunter2");
        modelState.SetModelValue("Input.Contact", PostedContact, "email,text");
        modelState.AddModelError("Input.Email", "Enter an email address in the correct format, like name@nhs.net");
        modelState.AddModelError("Input.Name", "Enter your organisation name");
        modelState.AddModelError("Input.Answer", "Select yes if you are 18 or over");

        var html = await RazorViewRenderer.RenderAsync(ViewPath, new RegistrationPage { Input = { Password = "model-secret" } }, modelState);
        var document = await Html.ParseAsync(html);

        var links = document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#Input_Name", "#Input_Email", "#Input_Answer"], links);
        Assert.All(links, href => Assert.NotNull(document.GetElementById(href[1..])));

        Assert.Equal("not-an-email", document.GetElementById("Input_Email")!.GetAttribute("value"));
        Assert.False(document.GetElementById("Input_Password")!.HasAttribute("value"));
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("model-secret", html, StringComparison.Ordinal);
        Assert.Equal(
            ["email", "text"],
            document.QuerySelectorAll("input[name='Input.Contact'][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("Input_Email-error", document.GetElementById("Input_Email")!.GetAttribute("aria-describedby"));
        Assert.Equal("Input_Name-hint Input_Name-error", document.GetElementById("Input_Name")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task MinimizedPreventDoubleClick_BindsAsTrue()
    {
        var html = await RazorViewRenderer.RenderAsync(ViewPath, new RegistrationPage(), new ModelStateDictionary());

        var submit = (await Html.ParseAsync(html)).QuerySelector("button.nhsuk-button")!;
        Assert.Equal("true", submit.GetAttribute("data-prevent-double-click"));
        Assert.Equal("submit", submit.GetAttribute("type"));
    }

    [Fact]
    public async Task ModelValuesInChildContent_AreEncodedByRazor()
    {
        var model = new RegistrationPage { Input = { Name = "<script>alert('x')</script>" } };

        var html = await RazorViewRenderer.RenderAsync(ViewPath, model, new ModelStateDictionary());
        var document = await Html.ParseAsync(html);

        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.Equal("<script>alert('x')</script>", document.QuerySelector(".nhsuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal("<script>alert('x')</script>", document.GetElementById("Input_Name")!.GetAttribute("value"));
    }
}
