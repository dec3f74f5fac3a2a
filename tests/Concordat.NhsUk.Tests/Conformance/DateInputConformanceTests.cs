using System.Text.RegularExpressions;
using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary>
/// <c>&lt;nhs-date-input&gt;</c> against nhsuk-frontend's <c>components/date-input/fixtures.json</c>. The fixtures name
/// the boxes <c>day</c>, <c>month</c> and <c>year</c> (or <c>example[day]</c> with a name prefix); the tag helper names
/// them after the field (<c>example.Day</c>) so the binder can read them, so only the names are rewritten before comparing.
/// </summary>
public sealed partial class DateInputConformanceTests
{
    private const string Question = "What is your date of birth?";
    private const string Hint = "For example, 31 3 1980";

    [Fact]
    public Task DateInput_Fixture_Default_MatchesDesignSystem() =>
        MatchesAsync(Fixture("default"), Heading());

    [Fact]
    public Task DateInput_Fixture_Disabled_MatchesDesignSystem() =>
        MatchesAsync(Fixture("disabled"), Heading(disabled: true));

    [Theory]
    [InlineData("s")]
    [InlineData("m")]
    [InlineData("l")]
    [InlineData("xl")]
    public Task DateInput_Fixture_LegendSizes_MatchDesignSystem(string size) =>
        MatchesAsync(
            DesignSystemFixtures.Get("date-input", "legend", c => c.StringAt("fieldset.legend.size") == size && c.StringAt("fieldset.legend.id") is null),
            new NhsDateInputTagHelper { Id = "custom-size", Legend = Question, LegendSize = size, LegendIsPageHeading = true, Hint = Hint });

    [Fact]
    public Task DateInput_Fixture_WithoutHeading_MatchesDesignSystem() =>
        MatchesAsync(Fixture("without heading"), new NhsDateInputTagHelper { Legend = Question });

    [Fact]
    public Task DateInput_Fixture_WithValues_FromTheModel_MatchesDesignSystem() =>
        MatchesAsync(Fixture("with values"), Heading(), model: new FixtureForm { Date = new DateOnly(2024, 8, 5) });

    [Fact]
    public Task DateInput_Fixture_WithCustomNamePrefix_MatchesDesignSystem() =>
        MatchesAsync(Fixture("with custom name prefix"), Heading(), partName: part => $"example[{part}]");

    [Theory]
    [InlineData("with error message", null)]
    [InlineData("with error message and hint", Hint)]
    public Task DateInput_Fixture_WithErrorMessage_HighlightsEveryBox(string fixture, string? hint) =>
        MatchesAsync(Fixture(fixture), Heading(hint), error: "Enter your date of birth");

    [Theory]
    [InlineData("with error message and hint, without heading", Hint)]
    [InlineData("with error message, without heading", null)]
    public Task DateInput_Fixture_WithErrorMessageWithoutHeading_MatchesDesignSystem(string fixture, string? hint) =>
        MatchesAsync(Fixture(fixture), new NhsDateInputTagHelper { Legend = Question, Hint = hint }, error: "Enter your date of birth");

    [Fact]
    public Task DateInput_Fixture_WithErrorOnDayInput_HighlightsOnlyTheDay() =>
        MatchesAsync(Fixture("with error on day input"), Heading(), error: "Date of birth must include a day",
            typed: new DateInputValue("", "3", "1980", DateInputParts.Day));

    [Fact]
    public Task DateInput_Fixture_WithErrorOnMonthInput_HighlightsOnlyTheMonth() =>
        MatchesAsync(Fixture("with error on month input"), Heading(), error: "Date of birth must include a month",
            typed: new DateInputValue("31", "", "1980", DateInputParts.Month));

    [Fact]
    public Task DateInput_Fixture_WithErrorOnYearInput_HighlightsOnlyTheYear() =>
        MatchesAsync(Fixture("with error on year input"), Heading(), error: "Date of birth must include a year",
            typed: new DateInputValue("31", "3", "", DateInputParts.Year));

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("date-input", name);

    private static NhsDateInputTagHelper Heading(string? hint = Hint, bool disabled = false) =>
        new() { Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Hint = hint, Disabled = disabled };

    /// <summary>
    /// Binds the tag helper to <see cref="FixtureForm.Date"/> under the fixture's name "example", puts what was typed and
    /// the error into ModelState as the binder does, renders, names the boxes as the fixture does, and compares.
    /// </summary>
    private static async Task MatchesAsync(
        DesignSystemFixture fixture,
        NhsDateInputTagHelper tagHelper,
        FixtureForm? model = null,
        string? error = null,
        DateInputValue? typed = null,
        Func<string, string>? partName = null)
    {
        var view = new TestView<FixtureForm>(model ?? new FixtureForm());
        if (typed is not null)
        {
            view.ModelState.SetModelValue("example", typed, null);
        }

        if (error is not null)
        {
            view.WithError("example", error);
        }

        tagHelper.ViewContext = view.ViewContext;
        tagHelper.For = view.For(m => m.Date);
        tagHelper.Name = "example";

        var html = await TagHelperHarness.RenderAsync(tagHelper, "nhs-date-input");
        var named = PartNames().Replace(html, m => $"name=\"{(partName ?? (part => part))(m.Groups["part"].Value.ToLowerInvariant())}\"");

        MarkupAssert.Equivalent(fixture.Html, named);
    }

    [GeneratedRegex("name=\"example\\.(?<part>Day|Month|Year)\"")]
    private static partial Regex PartNames();
}
