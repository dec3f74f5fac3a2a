using Concordat.Core.Access;
using Concordat.Core.Strategy;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record DocumentSecondaryResponse(string Title, IReadOnlyList<string> ChangeIdeas);

/// <summary>A primary driver under a goal; a priority serving several goals names the others, and the goal whose section describes its change ideas when that is another.</summary>
public sealed record DocumentDriverResponse(string Title, IReadOnlyList<DocumentSecondaryResponse> Secondary, IReadOnlyList<string> AlsoServes, string? EnteredUnder);

public sealed record DocumentAmbitionResponse(Guid Id, string Title, string? Description);

public sealed record DocumentChangeIdeaResponse(string Title, string? WhoseBehaviour, string? WhatDifferently, IReadOnlyList<string> Lacking, string Functions,
    string Levers, IReadOnlyList<string> CarriedBy);

public sealed record DocumentContributionResponse(Guid Id, string Organisation, string Commitment, string Status, IReadOnlyList<string> Resources);

public sealed record DocumentMeasureResponse(Guid Id, string Name, string? Latest, DateOnly? LatestPeriod, string? VariationIcon, string? AssuranceIcon,
    string? Reading, bool IsStale, bool IsProvisional);

public sealed record DocumentPerspectiveResponse(string Organisation, string? WhatItMeans, string? WhatWeNeed, string? WhatWorriesUs);

/// <summary>
/// A goal in the strategy. owningForum, jointOwners and seniorResponsibleOwner say who owns and leads it, with
/// ownership in one sentence; versions published before these were kept have recordsOwnersAndPerspectives false.
/// </summary>
public sealed record DocumentGoalResponse(Guid Id, string Title, string Outcome, string Population, string Scope, string Status, string Agreement,
    string? LeadOrganisation, DateOnly Horizon, IReadOnlyList<DocumentDriverResponse> Drivers, IReadOnlyList<DocumentChangeIdeaResponse> ChangeIdeas,
    IReadOnlyList<DocumentContributionResponse> Contributions, IReadOnlyList<DocumentMeasureResponse> Measures, int ChecksPassed, int ChecksPendingAgreement, int Checks,
    string? InequalityLens, string? OwningForum, IReadOnlyList<string> JointOwners, string? SeniorResponsibleOwner, string Ownership,
    IReadOnlyList<DocumentPerspectiveResponse> Perspectives, bool RecordsOwnersAndPerspectives, Guid? AmbitionId);

public sealed record DocumentLinkResponse(string Kind, string Title, string Url);

/// <summary>The strategy's own words: Markdown, sanitised when saved (render it with raw HTML disabled all the same).</summary>
public sealed record DocumentNarrativeResponse(string? Vision, string? Principles, string? Context, string? EnablingStrategies, IReadOnlyList<DocumentLinkResponse> Documents);

public sealed record DocumentResourceResponse(string Kind, string Unit, double Available, double Committed, double Idle);

public sealed record DocumentFundResponse(string Name, string FinancialYear, long PaidInPence, long AllocatedInPence);

public sealed record DocumentWorkstreamResponse(string Name, string Purpose, string Status, string LeadOrganisation, IReadOnlyList<string> Goals, int Items, int Done,
    int Doing, IReadOnlyList<string> Blocked);

public sealed record DocumentDeliveredResponse(string Organisation, int Count, IReadOnlyList<string> Titles);

public sealed record DocumentSlippedResponse(string Title, string Organisation, string Status, string? BlockedReason, string? Outcome, string? WhyItSlipped);

/// <summary>A measure's Making Data Count reading, in words, at the iteration's start and at its end.</summary>
public sealed record DocumentMeasureMovementResponse(Guid Id, string Name, string AtStart, string AtEnd, bool Moved);

public sealed record DocumentIterationReviewResponse(string Name, DateOnly StartsOn, DateOnly EndsOn, string? Objective, DateOnly? HeldOn,
    IReadOnlyList<DocumentDeliveredResponse> Delivered, IReadOnlyList<DocumentSlippedResponse> Slipped, IReadOnlyList<DocumentMeasureMovementResponse> Measures);

/// <summary>An open risk: score is the residual score when isResidual, otherwise the inherent one; band is the score's.</summary>
public sealed record DocumentRiskResponse(Guid Id, string Event, string? Owner, int Score, string Band, bool IsResidual, int? InherentScore, string? Response,
    string? Mitigation);

/// <summary>
/// The strategy; narrative is null when no words are written (and in versions published before they were kept). workstreams,
/// and topRisks with lastReview, are null in versions published before they were kept; lastReview is also null when no
/// iteration has closed.
/// </summary>
public sealed record StrategyDocumentResponse(string SystemName, DateTime GeneratedAtUtc, IReadOnlyList<DocumentGoalResponse> Goals,
    IReadOnlyList<DocumentResourceResponse> Resources, IReadOnlyList<DocumentFundResponse> PooledFunds, DocumentNarrativeResponse? Narrative,
    IReadOnlyList<DocumentAmbitionResponse> Ambitions, IReadOnlyList<DocumentWorkstreamResponse>? Workstreams, DocumentIterationReviewResponse? LastReview,
    IReadOnlyList<DocumentRiskResponse>? TopRisks, int OpenRisks);

/// <summary>A published version; agreedBy and agreedOn name the governance forum that agreed it, when the publisher recorded one.</summary>
public sealed record VersionResponse(int Number, DateTime PublishedAtUtc, string PublishedBy, string Note, int ChecksPassed, int Checks,
    Guid? AgreedByForumId, string? AgreedBy, DateOnly? AgreedOn);

public sealed record PublishedVersionResponse(VersionResponse Version, StrategyDocumentResponse Document);

public sealed record WordsResponse(WordChange Change, string Text);

public sealed record FieldDifferenceResponse(string Field, string? Before, string? After, IReadOnlyList<WordsResponse>? Words);

public sealed record ItemChangeResponse(string Name, ChangeKind Change, IReadOnlyList<FieldDifferenceResponse> Fields);

public sealed record GoalChangeResponse(Guid Id, string Title, ChangeKind Change, IReadOnlyList<FieldDifferenceResponse> Fields,
    IReadOnlyList<ItemChangeResponse> Drivers, IReadOnlyList<ItemChangeResponse> ChangeIdeas, IReadOnlyList<ItemChangeResponse> Contributions,
    IReadOnlyList<ItemChangeResponse> Measures);

public sealed record StrategyComparisonResponse(string From, string To, IReadOnlyList<GoalChangeResponse> Goals, IReadOnlyList<ItemChangeResponse> Resources,
    IReadOnlyList<ItemChangeResponse> PooledFunds, bool HasChanges, IReadOnlyList<FieldDifferenceResponse> Narrative, IReadOnlyList<ItemChangeResponse> Workstreams,
    IReadOnlyList<FieldDifferenceResponse> LastReview, IReadOnlyList<ItemChangeResponse> Risks);

public sealed record RelatedDocumentResponse(RelatedDocumentKind Kind, string Title, string Url);

/// <summary>The strategy's own words as stored; version is null until first written. Each section is Markdown, sanitised when saved.</summary>
public sealed record NarrativeResponse(string? Vision, string? Principles, string? Context, string? EnablingStrategies, IReadOnlyList<RelatedDocumentResponse> Documents,
    Guid? Version);

public sealed record PublicSetting(bool IsPublic, string Url);

public sealed record PublicSettingRequest(bool? IsPublic);

public static class StrategyApi
{
    public static void MapStrategyApi(this RouteGroupBuilder group)
    {
        group.MapGet("/strategy/document", async (StrategyDocumentService documents, CancellationToken ct) => TypedResults.Ok(ToResponse(await documents.BuildAsync(ct))))
            .WithSummary("The strategy generated from the live data: each goal's outcome, theory of change, contributions and resources, measures with their Making Data Count icons, agreement and health; the collective resources picture");

        group.MapGet("/strategy/narrative", async (HttpContext context, StrategyNarrativeService narratives, CancellationToken ct) =>
                RespondNarrative(context, await narratives.GetAsync(ct)))
            .WithName("GetStrategyNarrative")
            .WithSummary("The strategy's own words: vision, principles, context (population and needs), enabling strategies and the documents it relates to; " +
                "its ETag is the version to send in If-Match when changing them");

        group.MapPut("/strategy/narrative", async (SaveNarrative request, HttpContext context, StrategyNarrativeService narratives, CancellationToken ct) =>
            {
                await narratives.SaveAsync(request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                return RespondNarrative(context, await narratives.GetAsync(ct));
            })
            .WithSummary("Write or rewrite the strategy's own words (convenors). Sections are Markdown; HTML in them is removed. Documents need a title and an " +
                "http or https address. The first writing needs no If-Match; every later one requires it")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequiresIfMatch();

        group.MapGet("/strategy/versions", async ([AsParameters] PageQuery page, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await versions.ListAsync(ct), ToResponse)))
            .WithSummary("Published versions of the strategy, newest first, with the health check's result at each (the trend over versions)");

        group.MapGet("/strategy/versions/{number:int}", async (int number, StrategyVersionService versions, CancellationToken ct) =>
            {
                var v = await versions.GetAsync(number, ct);
                return TypedResults.Ok(new PublishedVersionResponse(ToResponse(await versions.SummaryAsync(number, ct)), ToResponse(v.Document())));
            })
            .WithName("GetStrategyVersion")
            .WithSummary("One published version with its document, exactly as published");

        group.MapPost("/strategy/versions", async (Guid systemId, PublishVersion request, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
            {
                var v = await versions.PublishAsync(request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(await versions.SummaryAsync(v.Number, ct)), "GetStrategyVersion", new { systemId, number = v.Number });
            })
            .WithSummary("Publish the strategy as it stands now as an immutable version (convenors), optionally with the governance forum that agreed it and when; its address gives the version with its document");

        group.MapGet("/strategy/comparison", async (int? from, int? to, StrategyVersionService versions, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await versions.CompareAsync(from, to, ct))))
            .WithSummary("What changed between two published versions (from, to), or from a version to today when to is left out; from defaults to the latest version. " +
                "Lists goals added, removed and changed (with word-level differences of reworded text), drivers, change ideas, contributions, measures' positions, resources and pooled funds");

        group.MapGet("/strategy/public", async (Guid systemId, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
                TypedResults.Ok(new PublicSetting(await versions.IsPublicAsync(ct), PublicUrl(context, systemId))))
            .WithSummary("Whether the latest published version is public, and the address where anyone can read it without signing in");

        group.MapPut("/strategy/public", async (Guid systemId, PublicSettingRequest request, HttpContext context, StrategyVersionService versions, CancellationToken ct) =>
            {
                context.Actor().RequireConvenor("make the strategy public or stop it");
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

    private static Ok<NarrativeResponse> RespondNarrative(HttpContext context, NarrativeView n)
    {
        if (n.Version is { } version)
        {
            context.Response.Headers.ETag = ETags.For(version);
        }
        return TypedResults.Ok(new NarrativeResponse(n.Vision, n.Principles, n.Context, n.EnablingStrategies,
            [.. n.Documents.Select(d => new RelatedDocumentResponse(d.Kind, d.Title, d.Url))], n.Version));
    }

    private static VersionResponse ToResponse(VersionSummary v) =>
        new(v.Number, v.PublishedAtUtc, v.PublishedBy, v.Note, v.ChecksPassed, v.Checks, v.AgreedByForumId, v.AgreedBy, v.AgreedOn);

    private static StrategyDocumentResponse ToResponse(StrategyDocument d) => new(d.SystemName, d.GeneratedAtUtc,
        [.. d.Goals.Select(g => new DocumentGoalResponse(g.Id, g.Title, g.Outcome, g.Population, g.Scope, g.Status, g.Agreement, g.LeadOrganisation, g.Horizon,
            [.. g.Drivers.Select(p => new DocumentDriverResponse(p.Title, [.. p.Secondary.Select(s => new DocumentSecondaryResponse(s.Title, s.ChangeIdeas))],
                p.AlsoServes ?? [], p.EnteredUnder))],
            [.. g.ChangeIdeas.Select(i => new DocumentChangeIdeaResponse(i.Title, i.WhoseBehaviour, i.WhatDifferently, i.Lacking, i.Functions, i.Levers, i.CarriedBy))],
            [.. g.Contributions.Select(c => new DocumentContributionResponse(c.Id, c.Organisation, c.Commitment, c.Status, c.Resources))],
            [.. g.Measures.Select(m => new DocumentMeasureResponse(m.Id, m.Name, m.Latest, m.LatestPeriod, m.VariationIcon, m.AssuranceIcon, m.Reading, m.IsStale, m.IsProvisional))],
            g.ChecksPassed, g.ChecksPendingAgreement, g.Checks, g.InequalityLens, g.OwningForum, g.JointOwners ?? [], g.SeniorResponsibleOwner, g.OwnershipInWords(),
            [.. (g.Perspectives ?? []).Select(p => new DocumentPerspectiveResponse(p.Organisation, p.WhatItMeans, p.WhatWeNeed, p.WhatWorriesUs))], g.RecordsOwnersAndPerspectives, g.AmbitionId))],
        [.. d.Resources.Select(r => new DocumentResourceResponse(r.Kind, r.Unit, r.Available, r.Committed, r.Idle))],
        [.. d.PooledFunds.Select(f => new DocumentFundResponse(f.Name, f.FinancialYear, f.PaidInPence, f.AllocatedInPence))],
        d.Narrative is { } n ? new DocumentNarrativeResponse(n.Vision, n.Principles, n.Context, n.EnablingStrategies,
            [.. n.Documents.Select(l => new DocumentLinkResponse(l.Kind, l.Title, l.Url))]) : null,
        [.. (d.Ambitions ?? []).Select(a => new DocumentAmbitionResponse(a.Id, a.Title, a.Description))],
        d.Workstreams?.Select(w => new DocumentWorkstreamResponse(w.Name, w.Purpose, w.Status, w.LeadOrganisation, w.Goals, w.Items, w.Done, w.Doing, w.Blocked)).ToList(),
        d.LastReview is { } r ? new DocumentIterationReviewResponse(r.Name, r.StartsOn, r.EndsOn, r.Objective, r.HeldOn,
            [.. r.Delivered.Select(x => new DocumentDeliveredResponse(x.Organisation, x.Count, x.Titles))],
            [.. r.Slipped.Select(x => new DocumentSlippedResponse(x.Title, x.Organisation, x.Status, x.BlockedReason, x.Outcome, x.Why))],
            [.. r.Measures.Select(m => new DocumentMeasureMovementResponse(m.Id, m.Name, m.AtStart, m.AtEnd, m.Moved))]) : null,
        d.TopRisks?.Select(k => new DocumentRiskResponse(k.Id, k.Event, k.Owner, k.Score, k.Band, k.IsResidual, k.InherentScore, k.Response, k.Mitigation)).ToList(),
        d.OpenRisks);

    private static StrategyComparisonResponse ToResponse(StrategyComparison c) => new(c.From, c.To,
        [.. c.Goals.Select(g => new GoalChangeResponse(g.Id, g.Title, g.Change, ToResponse(g.Fields), ToResponse(g.Drivers), ToResponse(g.ChangeIdeas),
            ToResponse(g.Contributions), ToResponse(g.Measures)))],
        ToResponse(c.Resources), ToResponse(c.PooledFunds), c.HasChanges, ToResponse(c.Narrative), ToResponse(c.Workstreams), ToResponse(c.LastReview),
        ToResponse(c.Risks));

    private static List<ItemChangeResponse> ToResponse(IReadOnlyList<ItemChange> items) =>
        [.. items.Select(i => new ItemChangeResponse(i.Name, i.Change, ToResponse(i.Fields)))];

    private static List<FieldDifferenceResponse> ToResponse(IReadOnlyList<FieldDifference> fields) =>
        [.. fields.Select(f => new FieldDifferenceResponse(f.Field, f.Before, f.After, f.Words?.Select(w => new WordsResponse(w.Change, w.Text)).ToList()))];
}
