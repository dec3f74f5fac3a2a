using System.Text;
using System.Text.Json;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

public sealed class DocumentModel(StrategyDocumentService documents) : SystemPageModel
{
    public StrategyDocument Document { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Document = await documents.BuildAsync(ct);

    public async Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes((await documents.BuildAsync(ct)).ToMarkdown()), "text/markdown; charset=utf-8", "strategy.md");

    public async Task<IActionResult> OnGetJsonAsync(CancellationToken ct) =>
        File(JsonSerializer.SerializeToUtf8Bytes(await documents.BuildAsync(ct), JsonSerializerOptions.Web), "application/json", "strategy.json");
}
