using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary>
/// <c>&lt;nhs-error-summary&gt;</c> against nhsuk-frontend's <c>components/error-summary/fixtures.json</c>.
/// The fixtures' error lists are recreated as ModelState errors keyed by the field the fixture links to.
/// </summary>
public sealed class ErrorSummaryConformanceTests
{
    [Fact]
    public Task ErrorSummary_Fixture_Default_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "default",
            new NhsErrorSummaryTagHelper(),
            ("example-day", "Date of birth must be in the past"));

    [Fact]
    public Task ErrorSummary_Fixture_HeadingAsString_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "with heading as string",
            new NhsErrorSummaryTagHelper { Heading = "There is a problem" },
            ("example-day", "Date of birth must be in the past"));

    [Fact]
    public Task ErrorSummary_Fixture_AutoFocusDisabled_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "auto-focus disabled",
            new NhsErrorSummaryTagHelper { DisableAutoFocus = true },
            ("example-day", "Date of birth must be in the past"));

    [Fact]
    public Task ErrorSummary_Fixture_AutoFocusExplicitlyEnabled_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "auto-focus explicitly enabled",
            new NhsErrorSummaryTagHelper { DisableAutoFocus = false },
            ("example-day", "Date of birth must be in the past"));

    [Fact]
    public Task ErrorSummary_Fixture_WithDescription_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "with description",
            new NhsErrorSummaryTagHelper { Description = "Describe the errors and how to correct them" },
            ("example-day", "Date of birth must be in the past"));

    [Fact]
    public Task ErrorSummary_Fixture_WithMultipleErrors_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "with multiple errors",
            new NhsErrorSummaryTagHelper(),
            ("example-first-name", "Enter your first name"),
            ("example-last-name", "Enter your last name"));

    [Fact]
    public Task ErrorSummary_Fixture_WithoutErrorLink_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "without error link",
            new NhsErrorSummaryTagHelper(),
            (string.Empty, "Invalid username or password"));

    [Fact]
    public Task ErrorSummary_Fixture_WithoutErrorLinkMixed_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "without error link (mixed)",
            new NhsErrorSummaryTagHelper(),
            (string.Empty, "Invalid username or password"),
            ("example-terms-of-service", "Agree to the terms of service to log in"));

    private static Task AssertMatchesAsync(string fixtureName, NhsErrorSummaryTagHelper summary, params (string Key, string Message)[] errors)
    {
        var view = new TestView<FixtureForm>(new FixtureForm());
        foreach (var (key, message) in errors)
        {
            view.WithError(key, message);
        }

        summary.ViewContext = view.ViewContext;
        return FixtureAssert.MatchesAsync(DesignSystemFixtures.Get("error-summary", fixtureName), summary, "nhs-error-summary");
    }
}
