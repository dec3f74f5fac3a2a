using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-pagination&gt;</c> (previous/next only) against nhsuk-frontend's <c>components/pagination/fixtures.json</c>.</summary>
public sealed class PaginationConformanceTests
{
    [Fact]
    public Task Pagination_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("default"),
            new NhsPaginationTagHelper
            {
                PreviousHref = "#/section/treatments", PreviousLabel = "Treatments",
                NextHref = "#/section/symptoms", NextLabel = "Symptoms",
            },
            "nhs-pagination");

    [Fact]
    public Task Pagination_Fixture_WithDeprecatedOptions_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with deprecated options"),
            new NhsPaginationTagHelper
            {
                PreviousHref = "#/section/treatments", PreviousLabel = "Treatments",
                NextHref = "#/section/symptoms", NextLabel = "Symptoms",
            },
            "nhs-pagination");

    [Fact]
    public Task Pagination_Fixture_WithOnlyNext_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with only next"),
            new NhsPaginationTagHelper { NextHref = "#/section/symptoms", NextLabel = "Symptoms" },
            "nhs-pagination");

    [Fact]
    public Task Pagination_Fixture_WithOnlyPrevious_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with only previous"),
            new NhsPaginationTagHelper { PreviousHref = "#/section/treatments", PreviousLabel = "Treatments" },
            "nhs-pagination");

    [Fact]
    public Task Pagination_Fixture_WithTranslations_MatchesDesignSystem() =>
        FixtureAssert.MatchesAsync(
            Fixture("with translations"),
            new NhsPaginationTagHelper
            {
                PreviousHref = "#/section/driniaethau", PreviousText = "Blaenorol", PreviousLabel = "Driniaethau",
                NextHref = "#/section/symptomau", NextText = "Nesaf", NextLabel = "Symptomau",
            },
            "nhs-pagination");

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("pagination", name);
}
