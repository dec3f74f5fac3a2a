using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>The error summary is built from ModelState and must link to the ids the form components render.</summary>
public sealed class ErrorSummaryTests
{
    [Fact]
    public async Task RendersNothing_WhenModelStateIsValid()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage()).Posted("Input.Name", "Leeds Teaching Hospitals");
        view.ModelState.MarkFieldValid("Input.Name");

        var html = await RenderSummaryAsync(view);

        Assert.True(view.ModelState.IsValid);
        Assert.Equal(string.Empty, html);
    }

    [Fact]
    public async Task ListsFields_InFormOrder_EvenWhenErrorsWereAddedInAnotherOrder()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Organisation", "Enter your organisation")
            .WithError("Input.Email", "Enter your email address")
            .WithError("Input.Name", "Enter your name");

        var links = await LinksAsync(view);

        Assert.Equal(
            [
                ("#Input_Name", "Enter your name"),
                ("#Input_Email", "Enter your email address"),
                ("#Input_Organisation", "Enter your organisation"),
            ],
            links);
    }

    [Fact]
    public async Task Links_PointAtTheIdsTheFormComponentsRender()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Name", "Enter your name")
            .WithError("Input.Contact", "Select how we should contact you")
            .WithError("Input.Answer", "Select yes or no");

        var page = await RenderSummaryAsync(view)
            + await TagHelperHarness.RenderAsync(
                new NhsInputTagHelper { ViewContext = view.ViewContext, For = view.For(m => m.Input.Name), Label = "Name" }, "nhs-input")
            + await TagHelperHarness.RenderAsync(
                new NhsRadiosTagHelper
                {
                    ViewContext = view.ViewContext, For = view.For(m => m.Input.Answer), Legend = "Are you 18 or over?",
                    Items = [new("Yes", "yes"), new("No", "no")],
                },
                "nhs-radios")
            + await TagHelperHarness.RenderAsync(
                new NhsCheckboxesTagHelper
                {
                    ViewContext = view.ViewContext, For = view.For(m => m.Input.Contact), Legend = "How should we contact you?",
                    Items = [new("Email", "email"), new("Phone", "phone")],
                },
                "nhs-checkboxes");

        var document = await Html.ParseAsync(page);
        var hrefs = document.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(3, hrefs.Count);
        Assert.All(hrefs, href => Assert.NotNull(document.GetElementById(href[1..])));
        Assert.Equal("INPUT", document.GetElementById("Input_Answer")!.TagName);
    }

    [Fact]
    public async Task ModelLevelErrors_AreListedFirst_WithoutLinks()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Name", "Enter your name")
            .WithError(string.Empty, "Your session has expired")
            .WithError(string.Empty, "Try again");

        var document = await Html.ParseAsync(await RenderSummaryAsync(view));
        var items = document.QuerySelectorAll(".nhsuk-error-summary__list li").ToList();

        Assert.Equal(["Your session has expired", "Try again", "Enter your name"], items.Select(li => li.TextContent.Trim()));
        Assert.Null(items[0].QuerySelector("a"));
        Assert.Null(items[1].QuerySelector("a"));
        Assert.NotNull(items[2].QuerySelector("a"));
    }

    [Fact]
    public async Task CollectionItems_AreOrderedByIndex()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Phones[10]", "Enter phone number 11")
            .WithError("Input.Phones[2]", "Enter phone number 3")
            .WithError("Input.Name", "Enter your name");

        var links = await LinksAsync(view);

        Assert.Equal(["#Input_Name", "#Input_Phones_2_", "#Input_Phones_10_"], links.Select(l => l.Href));
    }

    [Fact]
    public async Task KeysTheModelDoesNotDescribe_FollowTheModelsFields()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Unrelated", "Something else went wrong")
            .WithError("Input.Email", "Enter your email address");

        var links = await LinksAsync(view);

        Assert.Equal(["#Input_Email", "#Unrelated"], links.Select(l => l.Href));
    }

    [Fact]
    public async Task ListsOnlyTheFirstErrorOfEachField()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Email", "Enter your email address")
            .WithError("Input.Email", "Email address must be 254 characters or fewer");

        Assert.Equal([("#Input_Email", "Enter your email address")], await LinksAsync(view));
    }

    [Fact]
    public async Task EveryError_ListsEachErrorOfAField_LinkingToIt()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Email", "The file has 2 problems")
            .WithError("Input.Email", "Row 4, value: \"n/a\" is not a number")
            .WithError("Input.Name", "Enter your name");

        var links = (await Html.ParseAsync(await TagHelperHarness.RenderAsync(
                new NhsErrorSummaryTagHelper { ViewContext = view.ViewContext, EveryError = true }, "nhs-error-summary")))
            .QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim())).ToList();

        Assert.Equal([("#Input_Name", "Enter your name"), ("#Input_Email", "The file has 2 problems"), ("#Input_Email", "Row 4, value: \"n/a\" is not a number")], links);
    }

    [Fact]
    public async Task Markup_HasAlertRoleOnInnerContainerAndDefaultHeading()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage()).WithError("Input.Name", "Enter your name");

        var document = await Html.ParseAsync(await RenderSummaryAsync(view));
        var summary = document.QuerySelector("div.nhsuk-error-summary")!;

        Assert.Equal("nhsuk-error-summary", summary.GetAttribute("data-module"));
        Assert.Null(summary.GetAttribute("role"));
        Assert.Equal("There is a problem", summary.QuerySelector("div[role=alert] > h2.nhsuk-error-summary__heading")!.TextContent);
    }

    [Fact]
    public async Task ErrorMessages_AreEncoded()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage())
            .WithError("Input.Name", "<script>alert('name')</script>")
            .WithError(string.Empty, "<img src=x onerror=alert(1)>");

        var html = await RenderSummaryAsync(view);
        var document = await Html.ParseAsync(html);

        Assert.Empty(document.QuerySelectorAll("script, img"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static Task<string> RenderSummaryAsync(TestView<RegistrationPage> view) =>
        TagHelperHarness.RenderAsync(new NhsErrorSummaryTagHelper { ViewContext = view.ViewContext }, "nhs-error-summary");

    private static async Task<List<(string Href, string Text)>> LinksAsync(TestView<RegistrationPage> view) =>
        (await Html.ParseAsync(await RenderSummaryAsync(view)))
            .QuerySelectorAll(".nhsuk-error-summary__list a")
            .Select(a => (a.GetAttribute("href")!, a.TextContent.Trim()))
            .ToList();
}
