using Concordat.Core.Strategy;

namespace Concordat.Web.Pages.Strategy;

public sealed class NarrativeModel(StrategyNarrativeService narratives) : SystemPageModel
{
    public NarrativeView Narrative { get; private set; } = new(null, null, null, null, [], null);

    public IEnumerable<(string Id, string Heading, string? Text)> Sections =>
    [
        ("vision", "Our vision", Narrative.Vision),
        ("principles", "Our principles", Narrative.Principles),
        ("context", "Our population and its needs", Narrative.Context),
        ("enabling-strategies", "Enabling strategies", Narrative.EnablingStrategies),
    ];

    public async Task OnGetAsync(CancellationToken ct) => Narrative = await narratives.GetAsync(ct);
}
