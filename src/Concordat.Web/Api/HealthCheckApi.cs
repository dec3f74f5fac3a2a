using Concordat.Core.Access;
using Concordat.Core.Strategy;
using Concordat.Web.Infrastructure;

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

public static class StrategyVersionsApi
{
    public static void MapStrategyVersionsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/strategy/versions", async (StrategyVersionService versions, CancellationToken ct) =>
                TypedResults.Ok(await versions.ListAsync(ct)))
            .WithSummary("Published versions of the strategy, newest first, with the health check's result at each (the trend over versions)");

        group.MapGet("/strategy/versions/{number:int}", async (int number, StrategyVersionService versions, CancellationToken ct) =>
            {
                var v = await versions.GetAsync(number, ct);
                return TypedResults.Ok(new { version = VersionSummary.Of(v), document = v.Document() });
            })
            .WithSummary("One published version with its document, exactly as published");

        group.MapPost("/strategy/versions", async (PublishVersion request, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
            {
                var v = await versions.PublishAsync(request, context.Actor(), ct);
                return TypedResults.Ok(VersionSummary.Of(v));
            })
            .WithSummary("Publish the strategy as it stands now as an immutable version (convenors)");

        group.MapGet("/strategy/comparison", async (int? from, int? to, StrategyVersionService versions, CancellationToken ct) =>
                TypedResults.Ok(await versions.CompareAsync(from, to, ct)))
            .WithSummary("What changed between two published versions (from, to), or from a version to today when to is left out; from defaults to the latest version. " +
                "Lists goals added, removed and changed (with word-level differences of reworded text), drivers, change ideas, contributions, measures' positions, resources and pooled funds");

        group.MapGet("/strategy/public", async (Guid systemId, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
                TypedResults.Ok(new PublicSetting(await versions.IsPublicAsync(ct), PublicUrl(context, systemId))))
            .WithSummary("Whether the latest published version is public, and the address where anyone can read it without signing in");

        group.MapPut("/strategy/public", async (Guid systemId, PublicSettingRequest request, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
            {
                if (request.IsPublic is not { } isPublic)
                {
                    throw new InputInvalidException("IsPublic", "Say whether the strategy is public: true or false");
                }
                await versions.SetPublicAsync(isPublic, context.Actor(), ct);
                return TypedResults.Ok(new PublicSetting(isPublic, PublicUrl(context, systemId)));
            })
            .WithSummary("Make the latest published version public at a stable address, or stop that at once (convenors)");
    }

    /// <summary>The public page's address; stable because it names only the system.</summary>
    public static string PublicUrl(HttpContext context, Guid systemId) => $"{context.Request.Scheme}://{context.Request.Host}/public/strategy/{systemId}";
}

public sealed record PublicSetting(bool IsPublic, string Url);

public sealed record PublicSettingRequest(bool? IsPublic);
