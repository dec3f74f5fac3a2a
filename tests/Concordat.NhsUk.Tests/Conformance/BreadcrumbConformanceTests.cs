using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-breadcrumb&gt;</c> against nhsuk-frontend's <c>components/breadcrumb/fixtures.json</c>.</summary>
public sealed class BreadcrumbConformanceTests
{
    [Fact]
    public Task Breadcrumb_Fixture_Default_MatchesDesignSystem() =>
        AssertMatchesAsync("default", new NhsBreadcrumbTagHelper(), "Home", "NHS services", "Hospitals");

    [Fact]
    public Task Breadcrumb_Fixture_Reverse_MatchesDesignSystem() =>
        AssertMatchesAsync("reverse", new NhsBreadcrumbTagHelper { Variant = "reverse" }, "Home", "NHS services", "Hospitals");

    [Fact]
    public Task Breadcrumb_Fixture_WithBackLinkCustomText_MatchesDesignSystem() =>
        AssertMatchesAsync(
            "with back link custom text",
            new NhsBreadcrumbTagHelper { BackLinkText = "Search results", BackLinkHref = "#" },
            "Home",
            "Advanced search");

    private static async Task AssertMatchesAsync(string fixtureName, NhsBreadcrumbTagHelper breadcrumb, params string[] itemTexts)
    {
        var items = itemTexts
            .Select(text => new ChildTag("nhs-breadcrumb-item", new NhsBreadcrumbItemTagHelper { Href = "#" }, TagHelperHarness.Text(text)))
            .ToList();

        var html = await TagHelperHarness.RenderWithChildrenAsync(breadcrumb, "nhs-breadcrumb", items);

        MarkupAssert.Equivalent(DesignSystemFixtures.Get("breadcrumb", fixtureName).Html, html);
    }
}
