using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

/// <summary>What changed between two published versions, or since a version: "what changed since the last board".</summary>
public sealed class CompareModel(StrategyVersionService versions) : SystemPageModel
{
    [FromQuery]
    public int? From { get; set; }

    /// <summary>A version number, or nothing for today.</summary>
    [FromQuery]
    public int? To { get; set; }

    public IReadOnlyList<VersionSummary> Versions { get; private set; } = [];
    public StrategyComparison? Comparison { get; private set; }

    public async Task<IActionResult> OnGetMarkdownAsync(CancellationToken ct) =>
        File(System.Text.Encoding.UTF8.GetBytes((await versions.CompareAsync(From, To, ct)).ToMarkdown()), "text/markdown; charset=utf-8", "what-changed.md");

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await versions.ListAsync(ct);
        if (Versions.Count > 0)
        {
            From ??= Versions[0].Number;
            Comparison = await versions.CompareAsync(From, To, ct);
        }
    }
}
