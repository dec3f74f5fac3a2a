using System.Text;
using System.Text.RegularExpressions;
using Concordat.Spc;
using Concordat.Spc.Charts;
using Concordat.Web.Tests.Measures;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

[Collection(BrowserJourneys.Name)]
public sealed partial class MeasureUploadJourneyTests(BrowserFixture browser)
{
    [GeneratedRegex("aria-label=\"([^\"]+)\"")]
    private static partial Regex AriaLabel();

    [Fact]
    public async Task LeadDefinesAMeasure_UploadsAFileWithAnError_FixesIt_Previews_Imports_AndSeesTheChartWithTheRightIcons()
    {
        var lead = await browser.SignInAsync("lead@demo.concordat.example");
        var page = lead.Page;

        await page.GoToAsync("Measures");
        await lead.CheckAsync("40-measures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define a measure" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Four-hour performance, partner trust (type 1)");
        await page.GetByLabel("Definition").FillAsync("Type 1 attendances seen within four hours / all type 1 attendances");
        await page.GetByLabel("Percentage (0 to 100)").CheckAsync();
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("%");
        await page.GetByLabel("Monthly").CheckAsync();
        await page.GetByLabel("Higher is better").CheckAsync();
        await page.GetByLabel("Target (optional)").FillAsync("95");
        await page.GetByLabel("NHS England statistic").CheckAsync();
        await lead.CheckAsync("41-define-measure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save measure" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Four-hour performance, partner trust (type 1)");
        var measureUrl = page.Url;

        var series = TestFiles.FourHourPerformance("RRK");
        var good = TestFiles.SimpleCsv(series);
        var bad = good.Replace(FormattableString.Invariant($"{series[4].Period:yyyy-MM-dd},{series[4].Percent},"), FormattableString.Invariant($"{series[4].Period:yyyy-MM-dd},n/a,"), StringComparison.Ordinal);
        Assert.NotEqual(good, bad);

        await page.GetByRole(AriaRole.Button, new() { Name = "Upload data" }).ClickAsync();
        await lead.CheckAsync("42-upload");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "rrk-four-hour.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("The file has 1 problem. Nothing has been imported");
        await Assertions.Expect(page.Locator(".nhsuk-error-summary__list a")).ToHaveTextAsync(
            ["The file has 1 problem. Nothing has been imported: correct the file and upload it again.", "Row 6, value: \"n/a\" is not a number"]);
        await lead.CheckAsync("43-upload-problems");

        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "rrk-four-hour.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the import");
        await Assertions.Expect(page.Locator("#added")).ToHaveTextAsync("36");
        await Assertions.Expect(page.Locator("#changed")).ToHaveTextAsync("0");
        await lead.CheckAsync("44-upload-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 36 values" }).ClickAsync();

        await page.WaitForURLAsync(measureUrl);
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner")).ToContainTextAsync("36 added, 0 changed, 0 unchanged");
        var expected = XmrAnalysis.Analyse(series.Select(s => (double?)s.Percent).ToArray(), new SpcOptions { Improvement = ImprovementDirection.Increase, Target = 95 });
        var icons = page.Locator(".concordat-icons svg");
        await Assertions.Expect(icons).ToHaveCountAsync(2);
        Assert.Equal(AriaLabel().Match(SpcIcons.ToSvg(expected.VariationIcon)).Groups[1].Value, await icons.Nth(0).GetAttributeAsync("aria-label"));
        Assert.Equal(AriaLabel().Match(SpcIcons.ToSvg(expected.AssuranceIcon!.Value)).Groups[1].Value, await icons.Nth(1).GetAttributeAsync("aria-label"));
        await Assertions.Expect(page.Locator(".concordat-chart__wide .spc-points circle")).ToHaveCountAsync(36);
        await Assertions.Expect(page.Locator("#data tbody tr")).ToHaveCountAsync(36);
        await lead.CheckAsync("45-measure-imported");
    }
}
