using Concordat.Core.HealthChecks;

namespace Concordat.Web.Api;

public sealed record FindingResponse(string Check, string Subject, string Explanation, string FixPath);

public sealed record GoalHealthResponse(Guid GoalId, string Title, int ChecksPassed, int Checks, IReadOnlyList<FindingResponse> Findings);

public sealed record HealthCheckResponse(IReadOnlyList<GoalHealthResponse> Goals, IReadOnlyList<FindingResponse> SystemFindings, int ChecksPassed, int Checks);

public static class HealthChecksApi
{
    public static void MapHealthChecksApi(this RouteGroupBuilder group) =>
        group.MapGet("/strategy/health-check", async (HealthCheckService health, CancellationToken ct) => TypedResults.Ok(ToResponse(await health.RunAsync(ct))))
            .WithSummary("The strategy health check: for each goal, how many checks pass and every finding (check, subject, plain-English explanation, fixPath relative to the system's home), and system-wide findings");

    private static HealthCheckResponse ToResponse(SystemHealth h) =>
        new([.. h.Goals.Select(g => new GoalHealthResponse(g.GoalId, g.Title, g.ChecksPassed, g.Checks, [.. g.Findings.Select(ToResponse)]))],
            [.. h.SystemFindings.Select(ToResponse)], h.ChecksPassed, h.Checks);

    private static FindingResponse ToResponse(Finding f) => new(f.Check, f.Subject, f.Explanation, f.FixPath);
}
