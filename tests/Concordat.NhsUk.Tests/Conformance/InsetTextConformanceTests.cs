using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-inset-text&gt;</c> against nhsuk-frontend's <c>components/inset-text/fixtures.json</c>.</summary>
public sealed class InsetTextConformanceTests
{
    [Fact]
    public Task InsetText_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            DesignSystemFixtures.Get("inset-text", "default"),
            new NhsInsetTextTagHelper { Text = "You can report any suspected side effect using the Yellow Card safety scheme" },
            "nhs-inset-text");

    [Fact]
    public Task InsetText_Fixture_WithHtml_MatchesDesignSystem()
    {
        var fixture = DesignSystemFixtures.Get("inset-text", "with HTML");
        return FixtureAssert.MatchesAsync(
            fixture, new NhsInsetTextTagHelper(), "nhs-inset-text", TagHelperHarness.Html(fixture.Context.StringAt("html")!));
    }

    [Fact]
    public Task InsetText_Fixture_WithHtmlViaCallBlock_MatchesDesignSystem()
    {
        var fixture = DesignSystemFixtures.Get("inset-text", "with HTML via call block");
        return FixtureAssert.MatchesAsync(fixture, new NhsInsetTextTagHelper(), "nhs-inset-text", TagHelperHarness.Html(fixture.CallBlock!));
    }
}
