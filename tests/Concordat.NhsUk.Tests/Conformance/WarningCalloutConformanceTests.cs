using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-warning-callout&gt;</c> against nhsuk-frontend's <c>components/warning-callout/fixtures.json</c>.</summary>
public sealed class WarningCalloutConformanceTests
{
    private const string StayAway =
        "Stay away from school, nursery or work until all the spots have crusted over. This is usually 5 days after the spots first appeared.";

    [Fact]
    public Task WarningCallout_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("default"),
            new NhsWarningCalloutTagHelper
            {
                Heading = "Important",
                Text = "For safety, tell your doctor or pharmacist if you're taking any other medicines, including herbal medicines, vitamins or supplements.",
            },
            "nhs-warning-callout");

    /// <summary>A heading without "important" gets the visually hidden "Important: " prefix.</summary>
    [Fact]
    public Task WarningCallout_Fixture_WithCustomHeading_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with custom heading"),
            new NhsWarningCalloutTagHelper { Heading = "School, nursery or work", Text = StayAway },
            "nhs-warning-callout");

    [Fact]
    public Task WarningCallout_Fixture_WithCustomHeadingAsString_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with custom heading as string"),
            new NhsWarningCalloutTagHelper { Heading = "School, nursery or work", Text = StayAway },
            "nhs-warning-callout");

    [Fact]
    public Task WarningCallout_Fixture_WithHtml_MatchesDesignSystem()
    {
        var fixture = Fixture("with HTML");
        return FixtureAssert.MatchesAsync(
            fixture, new NhsWarningCalloutTagHelper { Heading = "Important" }, "nhs-warning-callout", TagHelperHarness.Html(fixture.Context.StringAt("html")!));
    }

    [Fact]
    public Task WarningCallout_Fixture_WithHtmlViaCallBlock_MatchesDesignSystem()
    {
        var fixture = Fixture("with HTML via call block");
        return FixtureAssert.MatchesAsync(
            fixture, new NhsWarningCalloutTagHelper { Heading = "Important" }, "nhs-warning-callout", TagHelperHarness.Html(fixture.CallBlock!));
    }

    [Fact]
    public Task WarningCallout_Fixture_WithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(Fixture("without heading"), new NhsWarningCalloutTagHelper { Text = StayAway }, "nhs-warning-callout");

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("warning-callout", name);
}
