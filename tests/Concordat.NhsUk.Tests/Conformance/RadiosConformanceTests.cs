using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-radios&gt;</c> against nhsuk-frontend's <c>components/radios/fixtures.json</c>.</summary>
public sealed class RadiosConformanceTests
{
    private const string Question = "How do you want to be contacted about this?";
    private const string Error = "Select how you want to be contacted";

    [Theory]
    [InlineData("l", false)]
    [InlineData("m", true)]
    public Task Radios_Fixture_Default_MatchesDesignSystem(string size, bool small) =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("default", size),
            new NhsRadiosTagHelper { Legend = Question, LegendSize = size, LegendIsPageHeading = true, Items = ContactOptions(), Small = small },
            "nhs-radios");

    [Fact]
    public Task Radios_Fixture_Disabled_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("disabled", "l"),
            new NhsRadiosTagHelper
            {
                Id = "disabled", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Items = ContactOptions(), Disabled = true,
            },
            "nhs-radios");

    [Fact]
    public Task Radios_Fixture_Inline_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("inline", "l"),
            new NhsRadiosTagHelper
            {
                Id = "inline", Legend = "Are you 18 or over?", LegendSize = "l", LegendIsPageHeading = true, Inline = true,
                Items = [new("Yes", "yes"), new("No", "no")],
            },
            "nhs-radios");

    [Theory]
    [InlineData("s")]
    [InlineData("m")]
    [InlineData("l")]
    [InlineData("xl")]
    public Task Radios_Fixture_LegendSizes_MatchDesignSystem(string size) =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("radios", "legend", c => c.StringAt("fieldset.legend.size") == size && c.StringAt("fieldset.legend.id") is null),
            new NhsRadiosTagHelper { Id = "custom-size", Legend = Question, LegendSize = size, Items = ContactOptions() },
            "nhs-radios");

    [Fact]
    public Task Radios_Fixture_WithErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message", "l"),
            new NhsRadiosTagHelper { Id = "with-error-message", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Items = ContactOptions() },
            "nhs-radios",
            error: Error);

    [Fact]
    public Task Radios_Fixture_WithErrorMessageAndHintSmall_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint", "m"),
            new NhsRadiosTagHelper
            {
                Id = "with-hint-error", Legend = Question, LegendSize = "m", LegendIsPageHeading = true, Hint = "Select 1 option",
                Items = ContactOptions(), Small = true,
            },
            "nhs-radios",
            error: Error);

    [Fact]
    public Task Radios_Fixture_WithErrorMessageWithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("radios", "with error message, without heading", c => c.StringAt("small") is null),
            new NhsRadiosTagHelper { Id = "with-error-message", Legend = Question, Items = ContactOptions() },
            "nhs-radios",
            error: Error);

    [Fact]
    public Task Radios_Fixture_WithHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with hint", "l"),
            new NhsRadiosTagHelper
            {
                Id = "with-hint", Legend = Question, LegendSize = "l", LegendIsPageHeading = true, Hint = "Select 1 option", Items = ContactOptions(),
            },
            "nhs-radios");

    [Fact]
    public Task Radios_Fixture_WithoutFieldset_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("radios", "without fieldset", c => c.StringAt("small") is null),
            new NhsRadiosTagHelper { Id = "without-fieldset", Items = [new("Red", "red"), new("Green", "green"), new("Blue", "blue")] },
            "nhs-radios",
            name: "colours");

    [Fact]
    public Task Radios_Fixture_WithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("radios", "without heading"),
            new NhsRadiosTagHelper { Id = "without-heading", Legend = Question, Items = ContactOptions() },
            "nhs-radios");

    private static DesignSystemFixture Fixture(string name, string size) =>
        DesignSystemFixtures.Get("radios", name, c => c.StringAt("fieldset.legend.size") == size);

    private static List<SelectListItem> ContactOptions() =>
        [new("Email", "email"), new("Phone", "phone"), new("Text message", "text")];
}
