using Concordat.Core.HealthChecks;

namespace Concordat.Web.Api;

public sealed record FindingResponse(string Check, CheckState State, string Subject, string Explanation, string FixPath);

public sealed record CheckResultResponse(string Check, string Name, CheckState State);

public sealed record GoalHealthResponse(Guid GoalId, string Title, int ChecksPassed, int ChecksPendingAgreement, int Checks, IReadOnlyList<CheckResultResponse> Results,
    IReadOnlyList<FindingResponse> Findings);

public sealed record HealthCheckResponse(IReadOnlyList<GoalHealthResponse> Goals, IReadOnlyList<FindingResponse> SystemFindings, int ChecksPassed, int ChecksPendingAgreement,
    int Checks);

public static class HealthChecksApi
{
    public static void MapHealthChecksApi(this RouteGroupBuilder group) =>
        group.MapGet("/strategy/health-check", async (HealthCheckService health, CancellationToken ct) => TypedResults.Ok(ToResponse(await health.RunAsync(ct))))
            .WithSummary("The strategy health check: for each goal, each check's state (Passed, PendingAgreement while it waits only on a proposed contribution being agreed, or Failed), " +
                "how many pass and how many are pending agreement, and every finding (check, state, subject, plain-English explanation, fixPath relative to the system's home); and system-wide findings");

    private static HealthCheckResponse ToResponse(SystemHealth h) =>
        new([.. h.Goals.Select(g => new GoalHealthResponse(g.GoalId, g.Title, g.ChecksPassed, g.ChecksPendingAgreement, g.Checks,
                [.. g.Results.Select(r => new CheckResultResponse(r.Check, HealthCheck.Name(r.Check), r.State))], [.. g.Findings.Select(ToResponse)]))],
            [.. h.SystemFindings.Select(ToResponse)], h.ChecksPassed, h.ChecksPendingAgreement, h.Checks);

    private static FindingResponse ToResponse(Finding f) => new(f.Check, f.State, f.Subject, f.Explanation, f.FixPath);
}
