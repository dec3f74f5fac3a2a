using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-button&gt;</c> against nhsuk-frontend's <c>components/button/fixtures.json</c>.</summary>
public sealed class ButtonConformanceTests
{
    [Fact]
    public Task Button_Fixture_Default_MatchesDesignSystem() =>
        AssertMatchesAsync("default", new NhsButtonTagHelper(), "Save and continue");

    [Fact]
    public Task Button_Fixture_DefaultSmall_MatchesDesignSystem() =>
        AssertMatchesAsync("default, small", new NhsButtonTagHelper { Small = true }, "Save and continue");

    [Fact]
    public Task Button_Fixture_Disabled_MatchesDesignSystem() =>
        AssertMatchesAsync("disabled", new NhsButtonTagHelper { Disabled = true }, "Disabled button");

    [Fact]
    public Task Button_Fixture_AsALink_MatchesDesignSystem() =>
        AssertMatchesAsync("as a link", new NhsButtonTagHelper { Href = "#" }, "Link button");

    [Fact]
    public Task Button_Fixture_Secondary_MatchesDesignSystem() =>
        AssertMatchesAsync("secondary", new NhsButtonTagHelper { Variant = "secondary" }, "Find my location");

    [Fact]
    public Task Button_Fixture_SecondaryAsALink_MatchesDesignSystem() =>
        AssertMatchesAsync("secondary as a link", new NhsButtonTagHelper { Variant = "secondary", Href = "#" }, "Find my location");

    [Fact]
    public Task Button_Fixture_SecondarySolidBackground_MatchesDesignSystem() =>
        AssertMatchesAsync("secondary, solid background", new NhsButtonTagHelper { Variant = "secondary-solid" }, "Find my location");

    [Fact]
    public Task Button_Fixture_Warning_MatchesDesignSystem() =>
        AssertMatchesAsync("warning", new NhsButtonTagHelper { Variant = "warning" }, "Yes, delete this vaccine");

    [Fact]
    public Task Button_Fixture_WarningAsALinkSmall_MatchesDesignSystem() =>
        AssertMatchesAsync("warning as a link, small", new NhsButtonTagHelper { Variant = "warning", Href = "#", Small = true }, "Yes, delete this vaccine");

    [Fact]
    public Task Button_Fixture_Reverse_MatchesDesignSystem() =>
        AssertMatchesAsync("reverse", new NhsButtonTagHelper { Variant = "reverse" }, "Log out");

    [Fact]
    public Task Button_Fixture_ReverseDisabled_MatchesDesignSystem() =>
        AssertMatchesAsync("reverse disabled", new NhsButtonTagHelper { Variant = "reverse", Disabled = true }, "Log out");

    [Fact]
    public Task Button_Fixture_Login_MatchesDesignSystem() =>
        AssertMatchesAsync("login", new NhsButtonTagHelper { Variant = "login" }, "Continue");

    [Fact]
    public Task Button_Fixture_WithDoubleClickPrevented_MatchesDesignSystem() =>
        AssertMatchesAsync("with double click prevented", new NhsButtonTagHelper { PreventDoubleClick = true }, "Save and continue");

    private static Task AssertMatchesAsync(string fixtureName, NhsButtonTagHelper button, string text) =>
        FixtureAssert.MatchesAsync(DesignSystemFixtures.Get("button", fixtureName), button, "nhs-button", TagHelperHarness.Text(text));
}
