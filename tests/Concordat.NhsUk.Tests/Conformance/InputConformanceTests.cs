using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-input&gt;</c> against nhsuk-frontend's <c>components/input/fixtures.json</c>.</summary>
public sealed class InputConformanceTests
{
    private const string NhsNumberHint =
        "This is a 10 digit number (like 999\u00a0123\u00a04567) that you can find on an NHS letter, prescription or in the NHS App";

    [Fact]
    public Task Input_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("default"),
            new NhsInputTagHelper { Label = "What is your full name?", LabelSize = "l", LabelIsPageHeading = true },
            "nhs-input");

    [Fact]
    public Task Input_Fixture_Disabled_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("disabled"),
            new NhsInputTagHelper { Label = "What is your full name?", LabelSize = "l", LabelIsPageHeading = true, Disabled = true },
            "nhs-input");

    [Fact]
    public Task Input_Fixture_ExampleAddressPostcode_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("example address postcode"),
            new NhsInputTagHelper { Label = "Postcode", Autocomplete = "postal-code", Width = 10 },
            "nhs-input",
            name: "address-postcode");

    [Fact]
    public Task Input_Fixture_ExampleEmailAddress_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("example email address"),
            new NhsInputTagHelper { Label = "Email address", Spellcheck = false },
            "nhs-input",
            name: "contact-by-email",
            attributes: [new TagHelperAttribute("class", "nhsuk-u-width-two-thirds")]);

    [Fact]
    public Task Input_Fixture_ExampleMobilePhoneNumber_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("example mobile phone number"),
            new NhsInputTagHelper { Label = "Mobile phone number", Type = "tel" },
            "nhs-input",
            name: "contact-by-text",
            attributes: [new TagHelperAttribute("class", "nhsuk-u-width-two-thirds")]);

    [Fact]
    public Task Input_Fixture_ExamplePhoneNumberWithErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("example phone number with error message"),
            new NhsInputTagHelper { Label = "Phone number", Type = "tel" },
            "nhs-input",
            name: "contact-by-phone",
            error: "Enter your phone number",
            attributes: [new TagHelperAttribute("class", "nhsuk-u-width-two-thirds")]);

    [Theory]
    [InlineData("s")]
    [InlineData("m")]
    [InlineData("l")]
    [InlineData("xl")]
    public Task Input_Fixture_LabelSizes_MatchDesignSystem(string size) =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("input", "label", c => c.StringAt("label.size") == size && c.StringAt("label.id") is null),
            NhsNumberInput("custom-size", size),
            "nhs-input");

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(30)]
    public Task Input_Fixture_Widths_MatchDesignSystem(int width) =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("input", "width", c => c.StringAt("width") == width.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new NhsInputTagHelper { Id = "input-width", Label = $"{width} character width", Width = width },
            "nhs-input");

    [Fact]
    public Task Input_Fixture_WithAutocompleteAttribute_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with autocomplete attribute"),
            new NhsInputTagHelper
            {
                Id = "with-autocomplete-attribute",
                Label = "Enter a full postcode in England",
                LabelIsPageHeading = true,
                Hint = "For example, LS1 1AB",
                Autocomplete = "postal-code",
            },
            "nhs-input");

    [Fact]
    public Task Input_Fixture_WithErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message"),
            NhsNumberInput("with-error-message", "l"),
            "nhs-input",
            error: "Enter NHS number");

    [Fact]
    public Task Input_Fixture_WithErrorMessageAndHintAsStrings_MatchesDesignSystem()
    {
        var input = NhsNumberInput("with-hint-error", "l");
        input.Hint = NhsNumberHint;
        return FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint as strings"), input, "nhs-input", error: "Enter NHS number");
    }

    [Fact]
    public Task Input_Fixture_WithErrorMessageWithoutHeading_MatchesDesignSystem()
    {
        var input = NhsNumberInput("with-error-message", size: null);
        input.LabelIsPageHeading = false;
        return FixtureAssert.FieldMatchesAsync(
            Fixture("with error message, without heading"), input, "nhs-input", error: "Enter NHS number");
    }

    [Fact]
    public Task Input_Fixture_WithoutHeading_MatchesDesignSystem()
    {
        var input = NhsNumberInput("without-heading", size: null);
        input.LabelIsPageHeading = false;
        return FixtureAssert.FieldMatchesAsync(Fixture("without heading"), input, "nhs-input");
    }

    [Fact]
    public Task Input_Fixture_WithPrefixAndSuffix_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with prefix and suffix"),
            new NhsInputTagHelper
            {
                Id = "with-prefix-suffix", Label = "Cost per item, in pounds", LabelIsPageHeading = true,
                Prefix = "£", Suffix = "per item", Width = 5,
            },
            "nhs-input");

    [Fact]
    public Task Input_Fixture_WithPrefixAndSuffixAndErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with prefix and suffix and error message"),
            new NhsInputTagHelper
            {
                Id = "with-prefix-suffix", Label = "Cost per item, in pounds", LabelIsPageHeading = true,
                Prefix = "£", Suffix = "per item", Width = 5,
            },
            "nhs-input",
            error: "Enter a cost per item, in pounds");

    [Fact]
    public Task Input_Fixture_WithSuffix_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with suffix"),
            new NhsInputTagHelper { Id = "with-suffix", Label = "Weight in kilograms", LabelIsPageHeading = true, Suffix = "kg", Width = 5 },
            "nhs-input");

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("input", name);

    // The NHS number examples share these options: code styling, numeric keyboard, no spellcheck.
    private static NhsInputTagHelper NhsNumberInput(string id, string? size) => new()
    {
        Id = id,
        Label = "What is your NHS number?",
        LabelSize = size,
        LabelIsPageHeading = true,
        Width = 10,
        Code = true,
        InputMode = "numeric",
        Spellcheck = false,
    };
}
