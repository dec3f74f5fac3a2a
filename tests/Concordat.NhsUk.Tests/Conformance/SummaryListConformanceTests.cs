using System.Text.Json;
using Concordat.NhsUk.Tests.Support;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary>
/// <c>&lt;nhs-summary-list&gt;</c> against nhsuk-frontend's <c>components/summary-list/fixtures.json</c>.
/// Rows are built from the fixture's rows: key text, value text (encoded, as Razor encodes <c>@Model.Value</c>)
/// or value HTML (trusted child markup), and the single action link.
/// </summary>
public sealed class SummaryListConformanceTests
{
    [Fact]
    public Task SummaryList_Fixture_Default_MatchesDesignSystem() =>
        AssertMatchesAsync("default", new NhsSummaryListTagHelper());

    [Fact]
    public Task SummaryList_Fixture_ExamplePerson_MatchesDesignSystem() =>
        AssertMatchesAsync("example person: Karen Francis", new NhsSummaryListTagHelper());

    [Fact]
    public Task SummaryList_Fixture_ExamplePersonNoBorder_MatchesDesignSystem() =>
        AssertMatchesAsync("example person: Karen Francis (no border)", new NhsSummaryListTagHelper { LastRowBorder = false });

    [Fact]
    public Task SummaryList_Fixture_WithActions_MatchesDesignSystem() =>
        AssertMatchesAsync("with actions", new NhsSummaryListTagHelper());

    [Fact]
    public Task SummaryList_Fixture_WithItemStrings_MatchesDesignSystem() =>
        AssertMatchesAsync("with item strings", new NhsSummaryListTagHelper());

    [Fact]
    public Task SummaryList_Fixture_WithoutBorder_MatchesDesignSystem() =>
        AssertMatchesAsync("without border", new NhsSummaryListTagHelper { Border = false });

    [Fact]
    public Task SummaryList_Fixture_WithoutLastRowBorder_MatchesDesignSystem() =>
        AssertMatchesAsync("without last row border", new NhsSummaryListTagHelper { LastRowBorder = false });

    [Fact]
    public Task SummaryList_Fixture_WithoutSpecificRowBorder_MatchesDesignSystem() =>
        AssertMatchesAsync("without specific row border", new NhsSummaryListTagHelper());

    private static async Task AssertMatchesAsync(string fixtureName, NhsSummaryListTagHelper list)
    {
        var fixture = DesignSystemFixtures.Get("summary-list", fixtureName);
        var rows = fixture.Context.GetProperty("rows").EnumerateArray().Select(Row).ToList();

        var html = await TagHelperHarness.RenderWithChildrenAsync(list, "nhs-summary-list", rows);

        MarkupAssert.Equivalent(fixture.Html, html);
    }

    private static ChildTag Row(JsonElement row)
    {
        var tagHelper = new NhsSummaryRowTagHelper
        {
            Key = row.StringAt("key.text") ?? row.StringAt("key"),
            Border = row.StringAt("border") != "false",
        };

        if (row.TryGetProperty("actions", out var actions))
        {
            var action = actions.GetProperty("items").EnumerateArray().Single();
            tagHelper.ActionHref = action.StringAt("href");
            tagHelper.ActionText = action.StringAt("text")!;
            tagHelper.ActionVisuallyHiddenText = action.StringAt("visuallyHiddenText");
        }

        var value = row.StringAt("value.html") is { } html
            ? TagHelperHarness.Html(html)
            : TagHelperHarness.Text(row.StringAt("value.text") ?? row.StringAt("value")!);

        return new ChildTag("nhs-summary-row", tagHelper, value);
    }
}
