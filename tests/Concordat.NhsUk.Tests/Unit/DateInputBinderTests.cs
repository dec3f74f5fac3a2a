using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>
/// How <see cref="DateInputModelBinder"/> reads the three boxes, with MVC's own metadata (display names from
/// <c>[Display]</c>, required from <c>[Required]</c> or a non-nullable type) and a real value provider.
/// </summary>
public sealed class DateInputBinderTests
{
    private static readonly IModelMetadataProvider Metadata = new ServiceCollection()
        .AddLogging()
        .AddMvcCore()
        .AddDataAnnotations()
        .Services.BuildServiceProvider()
        .GetRequiredService<IModelMetadataProvider>();

    [Theory]
    [InlineData("31", "3", "2028", 2028, 3, 31)]
    [InlineData(" 05 ", "08", "2026", 2026, 8, 5)]
    [InlineData("29", "2", "2028", 2028, 2, 29)]
    [InlineData("1", "March", "2027", 2027, 3, 1)]
    [InlineData("1", "sep", "2027", 2027, 9, 1)]
    public async Task ARealDate_Binds_AndKeepsWhatWasTyped(string day, string month, string year, int y, int m, int d)
    {
        var (result, modelState) = await BindAsync(nameof(Dates.StartsOn), Boxes(day, month, year));

        Assert.True(result.IsModelSet);
        Assert.Equal(new DateOnly(y, m, d), result.Model);
        Assert.Equal(0, modelState.ErrorCount);
        Assert.Equal(new DateInputValue(day.Trim(), month.Trim(), year.Trim()), modelState["Input.StartsOn"]!.RawValue);
    }

    [Fact]
    public async Task EmptyBoxes_OnAnOptionalDate_BindNothing_WithoutAnError()
    {
        var (result, modelState) = await BindAsync(nameof(Dates.StartsOn), Boxes("", " ", ""));

        Assert.True(result.IsModelSet);
        Assert.Null(result.Model);
        Assert.Equal(0, modelState.ErrorCount);
    }

    [Theory]
    [InlineData(nameof(Dates.ClosesOn), "Enter the closing date")]
    [InlineData(nameof(Dates.Due), "Enter the due date")]
    public async Task EmptyBoxes_OnARequiredDate_AskForIt_AndHighlightEveryBox(string property, string message)
    {
        var (result, modelState) = await BindAsync(property, Boxes("", "", ""), $"Input.{property}");

        Assert.False(result.IsModelSet);
        Assert.Equal([message], Errors(modelState, $"Input.{property}"));
        Assert.Equal(DateInputParts.All, Typed(modelState, $"Input.{property}").Wrong);
    }

    [Theory]
    [InlineData("", "3", "2028", "Start date must include a day", DateInputParts.Day)]
    [InlineData("31", "", "2028", "Start date must include a month", DateInputParts.Month)]
    [InlineData("31", "3", "", "Start date must include a year", DateInputParts.Year)]
    [InlineData("", "3", "", "Start date must include a day and year", DateInputParts.Day | DateInputParts.Year)]
    [InlineData("31", "", "", "Start date must include a month and year", DateInputParts.Month | DateInputParts.Year)]
    public async Task AMissingBox_IsNamed_AndOnlyItIsHighlighted(string day, string month, string year, string message, DateInputParts wrong)
    {
        var (result, modelState) = await BindAsync(nameof(Dates.StartsOn), Boxes(day, month, year));

        Assert.False(result.IsModelSet);
        Assert.Equal([message], Errors(modelState, "Input.StartsOn"));
        Assert.Equal(new DateInputValue(day, month, year, wrong), Typed(modelState, "Input.StartsOn"));
    }

    [Theory]
    [InlineData("31", "2", "2027", DateInputParts.All)]
    [InlineData("31", "4", "2027", DateInputParts.All)]
    [InlineData("29", "2", "2027", DateInputParts.All)]
    [InlineData("32", "1", "2027", DateInputParts.Day)]
    [InlineData("0", "1", "2027", DateInputParts.Day)]
    [InlineData("tenth", "1", "2027", DateInputParts.Day)]
    [InlineData("-1", "1", "2027", DateInputParts.Day)]
    [InlineData("1", "13", "2027", DateInputParts.Month)]
    [InlineData("1", "Marchember", "2027", DateInputParts.Month)]
    [InlineData("1.5", "1", "2O27", DateInputParts.Day | DateInputParts.Year)]
    [InlineData("1", "1", "0000", DateInputParts.Year)]
    public async Task AnImpossibleDate_MustBeARealDate_HighlightingTheBoxesAtFault(string day, string month, string year, DateInputParts wrong)
    {
        var (result, modelState) = await BindAsync(nameof(Dates.StartsOn), Boxes(day, month, year));

        Assert.False(result.IsModelSet);
        Assert.Equal(["Start date must be a real date"], Errors(modelState, "Input.StartsOn"));
        Assert.Equal(new DateInputValue(day, month, year, wrong), Typed(modelState, "Input.StartsOn"));
    }

    [Theory]
    [InlineData("28")]
    [InlineData("202")]
    [InlineData("02028")]
    public async Task AYearWithoutFourNumbers_IsRefused(string year)
    {
        var (result, modelState) = await BindAsync(nameof(Dates.StartsOn), Boxes("31", "3", year));

        Assert.False(result.IsModelSet);
        Assert.Equal(["Start date must have a year with 4 numbers"], Errors(modelState, "Input.StartsOn"));
        Assert.Equal(DateInputParts.Year, Typed(modelState, "Input.StartsOn").Wrong);
    }

    [Fact]
    public async Task WithoutADisplayName_TheFieldIsNamedByItsProperty()
    {
        var (_, modelState) = await BindAsync(nameof(Dates.From), Boxes("31", "2", "2027"), "From");

        Assert.Equal(["From must be a real date"], Errors(modelState, "From"));
    }

    [Fact]
    public async Task NothingPosted_LeavesTheModelAlone()
    {
        var (result, modelState) = await BindAsync(nameof(Dates.StartsOn), new Dictionary<string, StringValues> { ["Input.Other"] = "x" });

        Assert.False(result.IsModelSet);
        Assert.Empty(modelState);
    }

    [Theory]
    [InlineData("2026-11-01", "01", "11", 2026, 11, 1)]
    [InlineData("2026-1-9", "9", "1", 2026, 1, 9)]
    public async Task AWholeDateInALink_Binds(string whole, string day, string month, int y, int m, int d)
    {
        var (result, modelState) = await BindAsync(nameof(Dates.From), new Dictionary<string, StringValues> { ["from"] = whole }, "From");

        Assert.Equal(new DateOnly(y, m, d), result.Model);
        Assert.Equal(new DateInputValue(day, month, "2026"), Typed(modelState, "From"));
    }

    [Theory]
    [InlineData("2026-02-31", "31", "02", "2026")]
    [InlineData("31-02-2026", null, null, null)]
    [InlineData("yesterday", null, null, null)]
    public async Task AWholeDateInALink_ThatIsNotADate_MustBeARealDate(string whole, string? day, string? month, string? year)
    {
        var (result, modelState) = await BindAsync(nameof(Dates.From), new Dictionary<string, StringValues> { ["from"] = whole }, "From");

        Assert.False(result.IsModelSet);
        Assert.Equal(["From must be a real date"], Errors(modelState, "From"));
        Assert.Equal(new DateInputValue(day, month, year, DateInputParts.All), Typed(modelState, "From"));
    }

    [Theory]
    [InlineData(typeof(DateOnly), true)]
    [InlineData(typeof(DateOnly?), true)]
    [InlineData(typeof(DateTime), false)]
    [InlineData(typeof(string), false)]
    public void TheProvider_GivesTheBinderToDatesOnly(Type type, bool given)
    {
        var context = new ProviderContext(Metadata.GetMetadataForType(type));

        Assert.Equal(given, new DateInputModelBinderProvider().GetBinder(context) is DateInputModelBinder);
    }

    [Fact]
    public async Task WhatTheBinderRecords_IsShownByTheTagHelperAndLinkedFromTheSummary()
    {
        var (_, modelState) = await BindAsync(nameof(RegistrationInput.StartsOn), Boxes("31", "", "20"), container: typeof(RegistrationInput));

        var html = await RazorViewRenderer.RenderAsync("/RazorViews/RegistrationForm.cshtml", new RegistrationPage(), modelState);
        var document = await Html.ParseAsync(html);

        var link = Assert.Single(document.QuerySelectorAll(".nhsuk-error-summary__list a"));
        Assert.Equal(("#Input_StartsOn-month", "Start date must include a month"), (link.GetAttribute("href"), link.TextContent));
        Assert.NotNull(document.GetElementById("Input_StartsOn-month"));
        Assert.Equal("31", document.GetElementById("Input_StartsOn-day")!.GetAttribute("value"));
        Assert.Equal("20", document.GetElementById("Input_StartsOn-year")!.GetAttribute("value"));
        Assert.Equal(["Input_StartsOn-month"], document.QuerySelectorAll(".nhsuk-date-input .nhsuk-input--error").Select(i => i.Id!));
        Assert.Contains("Start date must include a month", document.GetElementById("Input_StartsOn-error")!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, StringValues> Boxes(string day, string month, string year) => new()
    {
        ["Input.StartsOn.Day"] = day, ["Input.StartsOn.Month"] = month, ["Input.StartsOn.Year"] = year,
        ["Input.ClosesOn.Day"] = day, ["Input.ClosesOn.Month"] = month, ["Input.ClosesOn.Year"] = year,
        ["Input.Due.Day"] = day, ["Input.Due.Month"] = month, ["Input.Due.Year"] = year,
        ["From.Day"] = day, ["From.Month"] = month, ["From.Year"] = year,
    };

    private static async Task<(ModelBindingResult Result, ModelStateDictionary ModelState)> BindAsync(
        string property, Dictionary<string, StringValues> posted, string? modelName = null, Type? container = null)
    {
        var modelState = new ModelStateDictionary();
        var actionContext = new ActionContext(new DefaultHttpContext(), new RouteData(), new ActionDescriptor(), modelState);
        var values = new QueryStringValueProvider(BindingSource.Query, new QueryCollection(new Dictionary<string, StringValues>(posted, StringComparer.OrdinalIgnoreCase)), CultureInfo.InvariantCulture);
        var context = DefaultModelBindingContext.CreateBindingContext(
            actionContext, values, Metadata.GetMetadataForProperty(container ?? typeof(Dates), property), bindingInfo: null, modelName ?? $"Input.{property}");

        await new DateInputModelBinder().BindModelAsync(context);

        return (context.Result, modelState);
    }

    private static string[] Errors(ModelStateDictionary modelState, string key) =>
        modelState[key]!.Errors.Select(e => e.ErrorMessage).ToArray();

    private static DateInputValue Typed(ModelStateDictionary modelState, string key) =>
        Assert.IsType<DateInputValue>(modelState[key]!.RawValue);

    private sealed class ProviderContext(ModelMetadata metadata) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo { get; } = new();

        public override ModelMetadata Metadata { get; } = metadata;

        public override IModelMetadataProvider MetadataProvider => DateInputBinderTests.Metadata;

        public override IModelBinder CreateBinder(ModelMetadata metadata) => throw new NotSupportedException();
    }

    private sealed class Dates
    {
        [Display(Name = "Start date")]
        public DateOnly? StartsOn { get; set; }

        [Display(Name = "Closing date")]
        [Required]
        public DateOnly? ClosesOn { get; set; }

        [Display(Name = "Due date")]
        public DateOnly Due { get; set; }

        public DateOnly? From { get; set; }
    }
}
