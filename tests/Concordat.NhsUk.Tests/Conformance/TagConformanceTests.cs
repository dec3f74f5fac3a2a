using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-tag&gt;</c> against nhsuk-frontend's <c>components/tag/fixtures.json</c>.</summary>
public sealed class TagConformanceTests
{
    [Theory]
    [InlineData(null, "Active")]
    [InlineData("white", "In progress")]
    [InlineData("grey", "Inactive")]
    [InlineData("green", "New")]
    [InlineData("aqua-green", "Active")]
    [InlineData("blue", "Pending")]
    [InlineData("purple", "Received")]
    [InlineData("pink", "Sent")]
    [InlineData("red", "Rejected")]
    [InlineData("orange", "Declined")]
    [InlineData("yellow", "Delayed")]
    public Task Tag_Fixture_DefaultColours_MatchDesignSystem(string? colour, string text) =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("tag", "default", c => c.StringAt("colour") == colour),
            new NhsTagTagHelper { Colour = colour },
            "nhs-tag",
            TagHelperHarness.Text(text));

    [Theory]
    [InlineData(null, "Active")]
    [InlineData("white", "In progress")]
    [InlineData("red", "Rejected")]
    public Task Tag_Fixture_WithoutBorder_MatchesDesignSystem(string? colour, string text) =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("tag", "without border", c => c.StringAt("colour") == colour),
            new NhsTagTagHelper { Colour = colour, Border = false },
            "nhs-tag",
            TagHelperHarness.Text(text));

    [Fact]
    public Task Tag_Fixture_WithoutColour_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("tag", "without colour"), new NhsTagTagHelper { Colour = "none" }, "nhs-tag", TagHelperHarness.Text("Completed"));

    [Fact]
    public Task Tag_Fixture_ColourClass_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("tag", "colour class"),
            new NhsTagTagHelper(),
            "nhs-tag",
            TagHelperHarness.Text("Green"),
            [new TagHelperAttribute("class", "nhsuk-tag--green")]);

    [Fact]
    public Task Tag_Fixture_WithTextEscaping_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("tag", "with text escaping"), new NhsTagTagHelper { Colour = "red" }, "nhs-tag", TagHelperHarness.Text("A&E"));

    [Fact]
    public Task Tag_Fixture_WithHtmlViaCallBlock_MatchesDesignSystem()
    {
        var fixture = DesignSystemFixtures.Get("tag", "with HTML via call block");
        return FixtureAssert.MatchesAsync(fixture, new NhsTagTagHelper { Colour = "red" }, "nhs-tag", TagHelperHarness.Html(fixture.CallBlock!));
    }
}
