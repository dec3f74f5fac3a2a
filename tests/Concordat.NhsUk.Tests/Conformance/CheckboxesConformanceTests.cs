using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-checkboxes&gt;</c> against nhsuk-frontend's <c>components/checkboxes/fixtures.json</c>.</summary>
public sealed class CheckboxesConformanceTests
{
    private const string Question = "How do you want to be contacted about this?";
    private const string Hint = "Select all options that are relevant to you";
    private const string Error = "Select how you want to be contacted";

    [Theory]
    [InlineData("l", false)]
    [InlineData("m", true)]
    public Task Checkboxes_Fixture_Default_MatchesDesignSystem(string size, bool small) =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("default", size),
            new NhsCheckboxesTagHelper
            {
                Legend = Question, LegendSize = size, LegendIsPageHeading = true, Hint = Hint,
                Items = ContactOptions("text"), Small = small,
            },
            "nhs-checkboxes");

    [Fact]
    public Task Checkboxes_Fixture_Disabled_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("disabled", "l"),
            new NhsCheckboxesTagHelper
            {
                Id = "disabled", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Hint = Hint,
                Items = ContactOptions("text"), Disabled = true,
            },
            "nhs-checkboxes");

    [Fact]
    public Task Checkboxes_Fixture_DisabledInput_MatchesDesignSystem()
    {
        var options = ContactOptions("text");
        options[^1].Disabled = true;
        return FixtureAssert.FieldMatchesAsync(
            Fixture("disabled input", "l"),
            new NhsCheckboxesTagHelper
            {
                Id = "disabled-input", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Hint = Hint, Items = options,
            },
            "nhs-checkboxes");
    }

    [Fact]
    public Task Checkboxes_Fixture_Inline_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("inline", "l"),
            new NhsCheckboxesTagHelper
            {
                Id = "inline", Legend = "Which nipple has changed?", LegendSize = "l", LegendIsPageHeading = true, Inline = true,
                Items = [new("Right nipple", "right"), new("Left nipple", "left")],
            },
            "nhs-checkboxes");

    [Theory]
    [InlineData("s")]
    [InlineData("m")]
    [InlineData("l")]
    [InlineData("xl")]
    public Task Checkboxes_Fixture_LegendSizes_MatchDesignSystem(string size) =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("checkboxes", "legend", c => c.StringAt("fieldset.legend.size") == size && c.StringAt("fieldset.legend.id") is null),
            new NhsCheckboxesTagHelper { Id = "custom-size", Legend = Question, LegendSize = size, Hint = Hint, Items = ContactOptions("text message") },
            "nhs-checkboxes");

    [Fact]
    public Task Checkboxes_Fixture_WithErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message", "l"),
            new NhsCheckboxesTagHelper
            {
                Id = "with-error-message", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Items = ContactOptions("text message"),
            },
            "nhs-checkboxes",
            error: Error);

    [Fact]
    public Task Checkboxes_Fixture_WithErrorMessageAndHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint", "l"),
            new NhsCheckboxesTagHelper
            {
                Id = "with-hint-error", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Hint = Hint,
                Items = ContactOptions("text message"),
            },
            "nhs-checkboxes",
            error: Error);

    [Fact]
    public Task Checkboxes_Fixture_WithErrorMessageAndHintWithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint, without heading", small: false),
            new NhsCheckboxesTagHelper { Id = "with-hint-error", Legend = Question, Hint = Hint, Items = ContactOptions("text message") },
            "nhs-checkboxes",
            error: Error);

    [Fact]
    public Task Checkboxes_Fixture_WithErrorMessageWithoutHeadingSmall_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message, without heading", small: true),
            new NhsCheckboxesTagHelper { Id = "with-error-message", Legend = Question, Items = ContactOptions("text message"), Small = true },
            "nhs-checkboxes",
            error: Error);

    [Fact]
    public Task Checkboxes_Fixture_WithHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with hint", "l"),
            new NhsCheckboxesTagHelper
            {
                Id = "with-hint", Legend = "What medical conditions do you have?", LegendSize = "l", LegendIsPageHeading = true,
                Hint = "Select 1 or more", Items = MedicalConditions(),
            },
            "nhs-checkboxes");

    [Fact]
    public Task Checkboxes_Fixture_WithoutFieldset_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("without fieldset", small: false),
            new NhsCheckboxesTagHelper { Id = "without-fieldset", Items = [new("Red", "red"), new("Green", "green"), new("Blue", "blue")] },
            "nhs-checkboxes",
            name: "colours");

    [Fact]
    public Task Checkboxes_Fixture_WithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("checkboxes", "without heading"),
            new NhsCheckboxesTagHelper { Id = "without-heading", Legend = Question, Items = ContactOptions("text message") },
            "nhs-checkboxes");

    private static DesignSystemFixture Fixture(string name, string size) =>
        DesignSystemFixtures.Get("checkboxes", name, c => c.StringAt("fieldset.legend.size") == size);

    private static DesignSystemFixture Fixture(string name, bool small) =>
        DesignSystemFixtures.Get("checkboxes", name, c => (c.StringAt("small") == "true") == small);

    private static List<SelectListItem> ContactOptions(string textMessageValue) =>
        [new("Email", "email"), new("Phone", "phone"), new("Text message", textMessageValue)];

    private static List<SelectListItem> MedicalConditions() =>
        DesignSystemFixtures.Get("checkboxes", "with hint", c => c.StringAt("fieldset.legend.size") == "l").Context
            .GetProperty("items").EnumerateArray()
            .Select(item => new SelectListItem(item.GetProperty("text").GetString(), item.GetProperty("value").GetString()))
            .ToList();
}
