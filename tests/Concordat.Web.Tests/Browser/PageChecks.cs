using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Concordat.Web.Tests.Browser;

/// <summary>What every page visited in a browser must pass: axe finds no violations, and the browser logs no errors.</summary>
public sealed class PageChecks
{
    // The design system's Frutiger fonts load from the NHS's own host, unreachable from a test machine;
    // pages then fall back to Arial, so a failure to fetch them is not a fault of the page.
    private const string ExternalFontHost = "https://assets.nhs.uk/";

    private readonly List<string> _problems = [];

    public PageChecks(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            // A form re-rendered with its errors answers 400 by design; Chromium logs that status for the page itself.
            var pageStatus = message.Location == page.Url + ":0:0" && message.Text.Contains("the server responded with a status of 4", StringComparison.Ordinal);
            if (message.Type == "error" && !pageStatus && !message.Location.StartsWith(ExternalFontHost, StringComparison.Ordinal))
            {
                _problems.Add($"console error on {page.Url}: {message.Text} (at {message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Add($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (!request.Url.StartsWith(ExternalFontHost, StringComparison.Ordinal))
            {
                _problems.Add($"request failed on {page.Url}: {request.Url} {request.Failure}");
            }
        };
    }

    public IPage Page { get; }

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Scans the page with axe (WCAG 2.2 A and AA rules) and saves a full-page screenshot.</summary>
    public async Task CheckAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        // axe.run in the page itself, as axe is usually run. RunAxe instead runs axe in parts so that it can reach
        // into cross-origin frames, which no Concordat page has, then opens a blank page in a new browser context to
        // put the parts together: three to five times as slow. The same rules run either way. Only violations are
        // asserted, so only they are collected in full.
        // The package marks this mode obsolete, to be removed some day; RunAxe is then the (slower) replacement.
#pragma warning disable CS0618
        var results = await Page.RunAxeLegacy(options: new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
            ResultTypes = [ResultType.Violations],
        });
#pragma warning restore CS0618
        var violations = results.Violations.Select(v =>
            $"{name}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }
}
