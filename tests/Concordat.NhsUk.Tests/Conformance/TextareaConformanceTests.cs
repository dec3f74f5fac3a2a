using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-textarea&gt;</c> against nhsuk-frontend's <c>components/textarea/fixtures.json</c>.</summary>
public sealed class TextareaConformanceTests
{
    private const string Question = "Can you provide more detail?";
    private const string PersonalInformationHint = "Do not include personal information like your name, date of birth or NHS number";
    private const string Error = "You must provide an explanation";

    [Fact]
    public Task Textarea_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("default"),
            new NhsTextareaTagHelper { Label = Question, LabelSize = "l", LabelIsPageHeading = true, Hint = PersonalInformationHint },
            "nhs-textarea");

    [Fact]
    public Task Textarea_Fixture_Disabled_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("disabled"),
            new NhsTextareaTagHelper { Label = Question, LabelSize = "l", LabelIsPageHeading = true, Hint = PersonalInformationHint, Disabled = true },
            "nhs-textarea");

    [Theory]
    [InlineData("s")]
    [InlineData("m")]
    [InlineData("l")]
    [InlineData("xl")]
    public Task Textarea_Fixture_LabelSizes_MatchDesignSystem(string size) =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("textarea", "label", c => c.StringAt("label.size") == size && c.StringAt("label.id") is null),
            new NhsTextareaTagHelper { Id = "custom-size", Label = Question, LabelSize = size, LabelIsPageHeading = true, Hint = PersonalInformationHint },
            "nhs-textarea");

    [Fact]
    public Task Textarea_Fixture_WithAutocompleteAttribute_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with autocomplete attribute"),
            new NhsTextareaTagHelper
            {
                Id = "with-autocomplete-attribute", Label = "Full address", LabelSize = "l", LabelIsPageHeading = true,
                Autocomplete = "street-address",
            },
            "nhs-textarea");

    [Fact]
    public Task Textarea_Fixture_WithErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message"),
            new NhsTextareaTagHelper { Id = "with-error-message", Label = Question, LabelSize = "l", LabelIsPageHeading = true },
            "nhs-textarea",
            error: Error);

    [Fact]
    public Task Textarea_Fixture_WithErrorMessageAndHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint"),
            new NhsTextareaTagHelper { Id = "with-hint-error", Label = Question, LabelSize = "l", LabelIsPageHeading = true, Hint = PersonalInformationHint },
            "nhs-textarea",
            error: Error);

    [Fact]
    public Task Textarea_Fixture_WithErrorMessageAndHintWithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint, without heading"),
            new NhsTextareaTagHelper { Id = "with-hint-error", Label = Question, Hint = PersonalInformationHint },
            "nhs-textarea",
            error: Error);

    [Fact]
    public Task Textarea_Fixture_WithHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with hint"),
            new NhsTextareaTagHelper { Id = "with-hint", Label = Question, LabelSize = "l", LabelIsPageHeading = true, Hint = PersonalInformationHint },
            "nhs-textarea");

    [Fact]
    public Task Textarea_Fixture_WithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("without heading"),
            new NhsTextareaTagHelper { Id = "without-heading", Label = Question, Hint = PersonalInformationHint },
            "nhs-textarea");

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("textarea", name);
}
