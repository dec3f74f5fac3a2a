namespace Concordat.Web.Tests.Browser;

/// <summary>
/// Browser journeys run one class at a time, and not alongside other tests: each class starts its own app and
/// Chromium, and several at once on a 2-core machine starve each other past Playwright's timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserJourneys
{
    public const string Name = "Browser journeys";
}
