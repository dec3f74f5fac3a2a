using Concordat.Core.Strategy;

namespace Concordat.Web.Api;

public static class HealthCheckApi
{
    public static void MapHealthCheckApi(this RouteGroupBuilder group) =>
        group.MapGet("/strategy/health-check", async (HealthCheckService health, CancellationToken ct) => TypedResults.Ok(await health.RunAsync(ct)))
            .WithSummary("The strategy health check: for each goal, how many checks pass and every finding (check, subject, plain-English explanation, fixPath relative to the system's home), and system-wide findings");
}

public static class StrategyDocumentApi
{
    public static void MapStrategyDocumentApi(this RouteGroupBuilder group) =>
        group.MapGet("/strategy/document", async (StrategyDocumentService documents, CancellationToken ct) => TypedResults.Ok(await documents.BuildAsync(ct)))
            .WithSummary("The strategy generated from the live data: each goal's outcome, theory of change, contributions and resources, measures with their Making Data Count icons, agreement and health; the collective resources picture");
}
