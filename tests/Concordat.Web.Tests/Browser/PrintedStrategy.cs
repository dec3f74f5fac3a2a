using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Concordat.Web.Tests.Browser;

/// <summary>Prints a strategy page to PDF in Chromium, as "Print → Save as PDF" does, and reads the PDF back.</summary>
public static class PrintedStrategy
{
    /// <summary>Every goal on the page is in the PDF with its title and outcome, each goal starting a new page.</summary>
    public static async Task AssertEveryGoalIsPrintedAsync(IPage page)
    {
        var goals = new List<(string Title, string Outcome)>();
        foreach (var goal in await page.Locator("section.concordat-strategy__goal").AllAsync())
        {
            goals.Add((await goal.Locator("h3").InnerTextAsync(), await goal.Locator(".nhsuk-lede-text").InnerTextAsync()));
        }
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        using var pdf = PdfDocument.Open(await page.PdfAsync(new() { Format = "A4" }));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        var printed = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));

        Assert.NotEmpty(goals);
        // Each goal starts a new page when printed, so there is at least a page per goal after the opening page.
        Assert.True(pdf.NumberOfPages > goals.Count, $"{pdf.NumberOfPages} PDF pages for {goals.Count} goals");
        foreach (var (title, outcome) in goals)
        {
            Assert.Contains(Squeeze(title), printed, StringComparison.Ordinal);
            Assert.Contains(Squeeze(outcome), printed, StringComparison.Ordinal);
        }
    }

    /// <summary>PDF text runs may split or drop spaces between words, so texts are compared without white space.</summary>
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");
}
