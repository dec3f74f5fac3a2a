using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-back-link&gt;</c> against nhsuk-frontend's <c>components/back-link/fixtures.json</c>.</summary>
public sealed class BackLinkConformanceTests
{
    [Fact]
    public Task BackLink_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("back-link", "default", c => c.StringAt("variant") is null),
            new NhsBackLinkTagHelper { Href = "#" },
            "nhs-back-link",
            TagHelperHarness.Text("Back"));

    [Fact]
    public Task BackLink_Fixture_Reverse_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("back-link", "default", c => c.StringAt("variant") == "reverse"),
            new NhsBackLinkTagHelper { Href = "#", Variant = "reverse" },
            "nhs-back-link",
            TagHelperHarness.Text("Back"));

    /// <summary>No child content: the text defaults to "Back", as the template's does.</summary>
    [Fact]
    public Task BackLink_Fixture_AsAButton_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("back-link", "as a button", c => c.StringAt("variant") is null),
            new NhsBackLinkTagHelper { Type = "submit" },
            "nhs-back-link");

    [Fact]
    public Task BackLink_Fixture_AsAReverseButton_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("back-link", "as a button", c => c.StringAt("variant") == "reverse"),
            new NhsBackLinkTagHelper { Type = "submit", Variant = "reverse" },
            "nhs-back-link",
            TagHelperHarness.Text("Back"));

    /// <summary>Razor encodes <c>@("What to expect at A&amp;E")</c>; the output must match the template's escaping.</summary>
    [Fact]
    public Task BackLink_Fixture_WithTextEscaping_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("back-link", "with text escaping"),
            new NhsBackLinkTagHelper(),
            "nhs-back-link",
            TagHelperHarness.Text("What to expect at A&E"));

    [Fact]
    public Task BackLink_Fixture_WithHtmlViaCallBlock_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("back-link", "with HTML via call block"),
            new NhsBackLinkTagHelper(),
            "nhs-back-link",
            TagHelperHarness.Html("What to expect at A&amp;E"));
}
