namespace Concordat.Web.Tests.Browser;

/// <summary>
/// Browser journeys run one class at a time, and not alongside other tests: several Chromium pages at once on a
/// 2-core machine starve each other past Playwright's timeouts. They share one app with the demo workspace and one
/// Chromium (<see cref="BrowserFixture"/>); each journey signs in with a browser context of its own and changes
/// only what no other journey reads.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser journeys";
}
