using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>What the date input fixtures cannot show: names and ids from the field, values kept after an error, and errors.</summary>
public sealed class DateInputTagHelperTests
{
    [Fact]
    public async Task Boxes_AreNamedAfterTheField_ForTheBinder_WithIdsTheSummaryLinksTo()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        view.ViewData.TemplateInfo.HtmlFieldPrefix = "Step2";

        var document = await Html.ParseAsync(await RenderAsync(view));

        Assert.Equal(
            [("Step2.Input.StartsOn.Day", "Step2_Input_StartsOn-day"), ("Step2.Input.StartsOn.Month", "Step2_Input_StartsOn-month"), ("Step2.Input.StartsOn.Year", "Step2_Input_StartsOn-year")],
            document.QuerySelectorAll("input").Select(i => (i.GetAttribute("name"), i.Id)));
        Assert.Equal(["Day", "Month", "Year"], document.QuerySelectorAll("label").Select(l => l.TextContent));
        Assert.Equal("Step2_Input_StartsOn", document.QuerySelector(".nhsuk-date-input")!.Id);
        Assert.Equal("Start date", document.QuerySelector("legend")!.TextContent);
    }

    [Fact]
    public async Task TheModelsDate_FillsTheBoxes_WithoutLeadingZeros()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { StartsOn = new DateOnly(2028, 3, 1) } });

        Assert.Equal(["1", "3", "2028"], await Html.SelectedValuesAsync(await RenderAsync(view), "input"));
    }

    [Fact]
    public async Task AfterAnError_TheBoxesShowWhatWasTyped_NotTheModel()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { StartsOn = new DateOnly(2027, 1, 1) } });
        view.ModelState.SetModelValue("Input.StartsOn", new DateInputValue("31", "February", "2028", DateInputParts.All), "31 February 2028");
        view.WithError("Input.StartsOn", "Start date must be a real date");

        var html = await RenderAsync(view);
        var document = await Html.ParseAsync(html);

        Assert.Equal(["31", "February", "2028"], await Html.SelectedValuesAsync(html, "input"));
        Assert.Equal(3, document.QuerySelectorAll("input.nhsuk-input--error").Length);
        Assert.Equal(3, document.QuerySelectorAll(".nhsuk-date-input__item .nhsuk-form-group--error").Length);
        Assert.Equal("Input_StartsOn-hint Input_StartsOn-error", document.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal("Error: Start date must be a real date", document.GetElementById("Input_StartsOn-error")!.TextContent);
    }

    [Fact]
    public async Task AnErrorAddedAfterBinding_HighlightsTheWholeDate_AndKeepsTheTypedBoxes()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { StartsOn = new DateOnly(2020, 1, 1) } });
        view.ModelState.SetModelValue("Input.StartsOn", new DateInputValue("01", "01", "2020"), "01 01 2020");
        view.WithError("Input.StartsOn", "The start date must be in the future");

        var html = await RenderAsync(view);

        Assert.Equal(["01", "01", "2020"], await Html.SelectedValuesAsync(html, "input"));
        Assert.Equal(3, (await Html.ParseAsync(html)).QuerySelectorAll("input.nhsuk-input--error").Length);
    }

    [Fact]
    public async Task WithoutAnError_NoBoxIsHighlighted_EvenIfOnceMarkedWrong()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        view.ModelState.SetModelValue("Input.StartsOn", new DateInputValue("31", "", "2028", DateInputParts.Month), "31 2028");

        var document = await Html.ParseAsync(await RenderAsync(view));

        Assert.Empty(document.QuerySelectorAll(".nhsuk-input--error, .nhsuk-form-group--error, .nhsuk-error-message"));
    }

    [Fact]
    public async Task BoundToSomethingOtherThanADate_Throws()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage { Input = { Name = "Leeds" } });
        var tagHelper = new NhsDateInputTagHelper { ViewContext = view.ViewContext, For = view.For(m => m.Input.Name), Legend = "Name" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TagHelperHarness.RenderAsync(tagHelper, "nhs-date-input"));

        Assert.Contains("DateOnly", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutALegend_Throws()
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        var tagHelper = new NhsDateInputTagHelper { ViewContext = view.ViewContext, For = view.For(m => m.Input.StartsOn) };

        await Assert.ThrowsAsync<InvalidOperationException>(() => TagHelperHarness.RenderAsync(tagHelper, "nhs-date-input"));
    }

    [Theory]
    [InlineData(DateInputParts.Month | DateInputParts.Year, "#Input_StartsOn-month")]
    [InlineData(DateInputParts.Year, "#Input_StartsOn-year")]
    [InlineData(DateInputParts.All, "#Input_StartsOn-day")]
    [InlineData(DateInputParts.None, "#Input_StartsOn-day")]
    public async Task TheErrorSummary_LinksToTheFirstWrongBox(DateInputParts wrong, string href)
    {
        var view = new TestView<RegistrationPage>(new RegistrationPage());
        view.ModelState.SetModelValue("Input.StartsOn", new DateInputValue("31", "", "", wrong), "31");
        view.WithError("Input.StartsOn", "Start date must include a month and year");
        var summary = new NhsErrorSummaryTagHelper { ViewContext = view.ViewContext };

        var link = await Html.QueryAsync(await TagHelperHarness.RenderAsync(summary, "nhs-error-summary"), ".nhsuk-error-summary__list a");

        Assert.Equal(href, link.GetAttribute("href"));
    }

    private static Task<string> RenderAsync(TestView<RegistrationPage> view) =>
        TagHelperHarness.RenderAsync(
            new NhsDateInputTagHelper
            {
                ViewContext = view.ViewContext, For = view.For(m => m.Input.StartsOn), Legend = "Start date", Hint = "For example, 31 3 2028",
            },
            "nhs-date-input");
}
