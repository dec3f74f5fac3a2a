using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-notification-banner&gt;</c> against nhsuk-frontend's <c>components/notification-banner/fixtures.json</c>.</summary>
public sealed class NotificationBannerConformanceTests
{
    private const string EmailSent = "Email sent to example@email.com";

    [Fact]
    public Task NotificationBanner_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("default"), new NhsNotificationBannerTagHelper { Text = "The patient record was updated." }, "nhs-notification-banner");

    [Fact]
    public Task NotificationBanner_Fixture_WithSuccessVariant_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with success variant"), new NhsNotificationBannerTagHelper { Type = "success", Text = EmailSent }, "nhs-notification-banner");

    [Fact]
    public Task NotificationBanner_Fixture_AutoFocusDisabledWithSuccessVariant_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("auto-focus disabled, with success variant"),
            new NhsNotificationBannerTagHelper { Type = "success", Text = EmailSent, DisableAutoFocus = true },
            "nhs-notification-banner");

    [Fact]
    public Task NotificationBanner_Fixture_RoleOverriddenToRegion_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("role=alert overridden to role=region, with success variant"),
            new NhsNotificationBannerTagHelper { Type = "success", Text = EmailSent },
            "nhs-notification-banner",
            attributes: [new TagHelperAttribute("role", "region")]);

    [Fact]
    public Task NotificationBanner_Fixture_CustomTabindex_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("custom tabindex"),
            new NhsNotificationBannerTagHelper { Type = "success", Text = EmailSent },
            "nhs-notification-banner",
            attributes: [new TagHelperAttribute("tabindex", "2")]);

    [Fact]
    public Task NotificationBanner_Fixture_WithCustomTitle_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with custom title"),
            new NhsNotificationBannerTagHelper { Title = "Important information", Text = "The patient record was updated." },
            "nhs-notification-banner");

    [Fact]
    public Task NotificationBanner_Fixture_WithLongHeading_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with long heading"),
            new NhsNotificationBannerTagHelper { Text = Fixture("with long heading").Context.StringAt("text") },
            "nhs-notification-banner");

    [Fact]
    public Task NotificationBanner_Fixture_WithHtmlViaCallBlock_MatchesDesignSystem()
    {
        var fixture = Fixture("with HTML via call block");
        return FixtureAssert.MatchesAsync(
            fixture,
            new NhsNotificationBannerTagHelper { Heading = "The patient record was updated" },
            "nhs-notification-banner",
            TagHelperHarness.Html(fixture.CallBlock!));
    }

    [Fact]
    public Task NotificationBanner_Fixture_SuccessWithHtmlViaCallBlock_MatchesDesignSystem()
    {
        var fixture = Fixture("success with HTML via call block");
        return FixtureAssert.MatchesAsync(
            fixture,
            new NhsNotificationBannerTagHelper { Type = "success", Heading = "4 files uploaded" },
            "nhs-notification-banner",
            TagHelperHarness.Html(fixture.CallBlock!));
    }

    [Fact]
    public Task NotificationBanner_Fixture_WithHtmlAndHeadingAsString_MatchesDesignSystem()
    {
        var fixture = Fixture("with HTML and heading as string");
        return FixtureAssert.MatchesAsync(
            fixture,
            new NhsNotificationBannerTagHelper { Heading = "The patient record was updated" },
            "nhs-notification-banner",
            TagHelperHarness.Html(fixture.Context.StringAt("html")!));
    }

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("notification-banner", name);
}
