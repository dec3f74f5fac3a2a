using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary><c>&lt;nhs-select&gt;</c> against nhsuk-frontend's <c>components/select/fixtures.json</c>.</summary>
public sealed class SelectConformanceTests
{
    private const string LocationHint = "This can be different to where you went before";
    private const string Error = "Select a location";

    [Fact]
    public Task Select_Fixture_Default_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("default"),
            new NhsSelectTagHelper { Label = "Sort by", LabelSize = "l", LabelIsPageHeading = true, Items = SortOptions() },
            "nhs-select");

    [Fact]
    public Task Select_Fixture_Disabled_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("disabled"),
            new NhsSelectTagHelper { Label = "Sort by", LabelSize = "l", LabelIsPageHeading = true, Items = SortOptions(), Disabled = true },
            "nhs-select");

    [Fact]
    public Task Select_Fixture_DisabledOption_MatchesDesignSystem()
    {
        var options = SortOptions();
        options[^1].Disabled = true;
        return FixtureAssert.FieldMatchesAsync(
            Fixture("disabled option"),
            new NhsSelectTagHelper { Label = "Sort by", LabelSize = "l", LabelIsPageHeading = true, Items = options },
            "nhs-select");
    }

    [Theory]
    [InlineData("s")]
    [InlineData("m")]
    [InlineData("l")]
    [InlineData("xl")]
    public Task Select_Fixture_LabelSizes_MatchDesignSystem(string size) =>
        FixtureAssert.FieldMatchesAsync(
            DesignSystemFixtures.Get("select", "label", c => c.StringAt("label.size") == size && c.StringAt("label.id") is null),
            new NhsSelectTagHelper { Id = "custom-size", Label = "Sort by", LabelSize = size, LabelIsPageHeading = true, Items = SortOptions() },
            "nhs-select");

    [Fact]
    public Task Select_Fixture_WithErrorMessage_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message"),
            new NhsSelectTagHelper { Id = "with-error-message", Label = "Choose location", LabelSize = "l", LabelIsPageHeading = true, Items = Locations() },
            "nhs-select",
            error: Error);

    [Fact]
    public Task Select_Fixture_WithErrorMessageAndHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint"),
            new NhsSelectTagHelper
            {
                Id = "with-hint-error", Label = "Choose location", LabelSize = "l", LabelIsPageHeading = true,
                Hint = LocationHint, Items = Locations(),
            },
            "nhs-select",
            error: Error);

    [Fact]
    public Task Select_Fixture_WithErrorMessageAndHintWithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with error message and hint, without heading"),
            new NhsSelectTagHelper { Id = "with-hint-error", Label = "Choose location", Hint = LocationHint, Items = Locations() },
            "nhs-select",
            error: Error);

    [Fact]
    public Task Select_Fixture_WithHint_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with hint"),
            new NhsSelectTagHelper
            {
                Id = "with-hint", Label = "Choose location", LabelSize = "l", LabelIsPageHeading = true,
                Hint = LocationHint, Items = Locations(),
            },
            "nhs-select");

    [Fact]
    public Task Select_Fixture_WithoutHeading_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("without heading"),
            new NhsSelectTagHelper { Id = "without-heading", Label = "Sort by", Items = SortOptions() },
            "nhs-select");

    /// <summary>The fixture passes <c>value: "updated"</c>; here the bound model property holds it.</summary>
    [Fact]
    public Task Select_Fixture_WithSelectedValue_MatchesDesignSystem() =>
        FixtureAssert.FieldMatchesAsync(
            Fixture("with selected value"),
            new NhsSelectTagHelper { Id = "with-value", Label = "Sort by", LabelSize = "l", LabelIsPageHeading = true, Items = SortOptions() },
            "nhs-select",
            model: new FixtureForm { Value = "updated" });

    private static DesignSystemFixture Fixture(string name) => DesignSystemFixtures.Get("select", name);

    private static List<SelectListItem> SortOptions() =>
    [
        new("Recently published", "published"),
        new("Recently updated", "updated"),
        new("Most views", "views"),
        new("Most comments", "comments"),
    ];

    private static List<SelectListItem> Locations() =>
    [
        new("Choose location", "choose"),
        new("East Midlands", "eastmidlands"),
        new("East of England", "eastofengland"),
        new("London", "london"),
        new("North East", "northeast"),
        new("North West", "northwest"),
        new("South East", "southeast"),
        new("South West", "southwest"),
        new("West Midlands", "westmidlands"),
        new("Yorkshire and the Humber", "yorkshire"),
    ];
}
