using Concordat.NhsUk.Tests.Support;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Concordat.NhsUk.Tests.Conformance;

/// <summary>
/// <c>&lt;nhs-table&gt;</c> against nhsuk-frontend's responsive table (<c>components/tables/fixtures.json</c>), rendered
/// through real Razor (RazorViews/ResponsiveTable.cshtml), rows written in a loop, as pages write them.
/// </summary>
public sealed class TableConformanceTests
{
    private static readonly IReadOnlyList<(string, string)> Rows =
    [
        ("Blisters on lips or around the mouth", "Cold sores"),
        ("Itchy, dry, cracked, sore", "Eczema"),
        ("Itchy blisters", "Shingles, chickenpox"),
    ];

    [Fact]
    public async Task ResponsiveTable_Fixture_Default_MatchesDesignSystem()
    {
        var fixture = DesignSystemFixtures.Get("tables", "default", c =>
            c.TryGetProperty("responsive", out _) && !c.TryGetProperty("compact", out _) && !c.TryGetProperty("striped", out _));

        var html = await RazorViewRenderer.RenderAsync("/RazorViews/ResponsiveTable.cshtml", Rows, new ModelStateDictionary());

        MarkupAssert.Equivalent(fixture.Html, html);
    }

    [Fact]
    public async Task ResponsiveTable_CellWithMarkup_KeepsItsValueInOneSpan_AfterTheHeading()
    {
        var html = await RazorViewRenderer.RenderAsync("/RazorViews/ResponsiveTable.cshtml", new List<(string, string)> { ("Rash", "<b>") }, new ModelStateDictionary());
        var cell = (await Html.ParseAsync(html)).QuerySelector("td")!;

        // Razor encoded the text, so it is text, not markup: no second span.
        Assert.Equal("<span class=\"nhsuk-table__heading\" aria-hidden=\"true\">Possible cause </span>&lt;b&gt;", cell.InnerHtml.Trim());
    }
}
