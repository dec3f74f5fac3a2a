using System.Text;
using System.Text.Json;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.Strategy;

/// <summary>
/// The latest published version of a system's strategy, for anyone, without signing in, while a convenor keeps it
/// public. The route says "id", not "systemId", so it is not treated as a page inside the system.
/// </summary>
public sealed class PublicStrategyModel(StrategyVersionService versions) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public PublicStrategy? Strategy { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(s =>
    {
        Strategy = s;
        return Page();
    }, ct);

    public async Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) =>
        await ShowAsync(s => File(Encoding.UTF8.GetBytes(s.Document.ToMarkdown()), "text/markdown; charset=utf-8", "strategy.md"), ct);

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        await ShowAsync(s => File(JsonSerializer.SerializeToUtf8Bytes(s.Document, JsonSerializerOptions.Web), "application/json", "strategy.json"), ct);

    private async Task<IActionResult> ShowAsync(Func<PublicStrategy, IActionResult> show, CancellationToken ct)
    {
        // Turning the public view off must take effect at once, so nothing on the way may keep a copy.
        Response.Headers.CacheControl = "no-store";
        return await versions.PublicAsync(Id, ct) is { } strategy ? show(strategy) : NotFound();
    }
}
