using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary>
/// <c>&lt;nhs-error-summary&gt;</c> against nhsuk-frontend's <c>components/error-summary/fixtures.json</c>.
/// The fixtures' error lists are recreated as ModelState errors keyed by the field the fixture links to.
/// The order of the list comes from <see cref="ErrorSummaryFixtureForm"/>'s property order.
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
            // Added in reverse: the summary follows the form's field order, not the order errors were added.
            ("example-last-name", "Enter your last name"),
            ("example-first-name", "Enter your first name"));

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
            ("example-terms-of-service", "Agree to the terms of service to log in"),
            (string.Empty, "Invalid username or password"));

    private static Task AssertMatchesAsync(string fixtureName, NhsErrorSummaryTagHelper summary, params (string Key, string Message)[] errors)
    {
        var view = new TestView<ErrorSummaryFixtureForm>(new ErrorSummaryFixtureForm());
        foreach (var (key, message) in errors)
        {
            view.WithError(key, message);
        }

        summary.ViewContext = view.ViewContext;
        return FixtureAssert.MatchesAsync(DesignSystemFixtures.Get("error-summary", fixtureName), summary, "nhs-error-summary");
    }
}

/// <summary>The fields the error summary fixtures link to, in the order the fixtures list them.</summary>
public sealed class ErrorSummaryFixtureForm
{
    [BindProperty(Name = "example-day")]
    public int? DateOfBirthDay { get; set; }

    [BindProperty(Name = "example-first-name")]
    public string? FirstName { get; set; }

    [BindProperty(Name = "example-last-name")]
    public string? LastName { get; set; }

    [BindProperty(Name = "example-terms-of-service")]
    public bool TermsOfService { get; set; }
}
