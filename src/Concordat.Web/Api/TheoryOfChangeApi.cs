using Concordat.Core.Strategy;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

public sealed record DriverResponse(Guid Id, DriverLevel Level, string Title, IReadOnlyList<Guid> ServesPrimaryDriverIds, IReadOnlyList<Guid> MeasureIds);

public sealed record ChangeIdeaResponse(Guid Id, string Title, IReadOnlyList<Guid> SecondaryDriverIds, string? WhoseBehaviour, string? WhatDifferently,
    string? PhysicalCapability, string? PsychologicalCapability, string? PhysicalOpportunity, string? SocialOpportunity, string? ReflectiveMotivation,
    string? AutomaticMotivation, bool HasDiagnosis, InterventionFunctions Functions, PolicyLevers Levers, string? LeverDetails, IReadOnlyList<Guid> ContributionIds);

public sealed record DriverDiagramResponse(Guid GoalId, string Aim, IReadOnlyList<Guid> OutcomeMeasureIds, IReadOnlyList<DriverResponse> PrimaryDrivers,
    IReadOnlyList<DriverResponse> SecondaryDrivers, IReadOnlyList<ChangeIdeaResponse> ChangeIdeas);

public static class TheoryOfChangeApi
{
    public static void MapTheoryOfChangeApi(this RouteGroupBuilder group)
    {
        group.MapGet("/goals/{id:guid}/driver-diagram", async (Guid id, TheoryOfChangeService theory, CancellationToken ct) => TypedResults.Ok(ToResponse(await theory.GetAsync(id, ct))))
            .WithSummary("A goal's driver diagram: aim, primary and secondary drivers, change ideas with their behaviour diagnosis (COM-B), intervention functions and policy levers");

        group.MapPost("/goals/{id:guid}/drivers", async (Guid id, AddDriver request, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.AddDriverAsync(id, request, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await theory.GetAsync(id, ct)));
            })
            .WithSummary("Add a primary driver, or a secondary driver serving one or more primary drivers (convenors, or leads of the goal's lead organisation)");

        group.MapDelete("/goals/{id:guid}/drivers/{driverId:guid}", async (Guid id, Guid driverId, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.RemoveDriverAsync(id, driverId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a driver");

        group.MapPost("/goals/{id:guid}/drivers/{driverId:guid}/measures/{measureId:guid}", async (Guid id, Guid driverId, Guid measureId, HttpContext context,
                TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.AttachMeasureAsync(id, driverId, measureId, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await theory.GetAsync(id, ct)));
            })
            .WithSummary("Attach a process measure to a driver");

        group.MapPost("/goals/{id:guid}/change-ideas", async (Guid id, SaveChangeIdea request, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.AddChangeIdeaAsync(id, request, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await theory.GetAsync(id, ct)));
            })
            .WithSummary("Add a change idea with whose behaviour must change, the COM-B diagnosis, intervention functions, policy levers and the contributions that carry it");

        group.MapDelete("/goals/{id:guid}/change-ideas/{ideaId:guid}", async (Guid id, Guid ideaId, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.RemoveChangeIdeaAsync(id, ideaId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a change idea");
    }

    private static DriverResponse ToResponse(DriverNode d) => new(d.Driver.Id, d.Driver.Level, d.Driver.Title, d.ServesPrimaryIds, [.. d.Measures.Select(m => m.Id)]);

    private static DriverDiagramResponse ToResponse(DriverDiagram d) => new(d.GoalId, d.Aim, [.. d.OutcomeMeasures.Select(m => m.Id)],
        [.. d.Primary.Select(ToResponse)], [.. d.Secondary.Select(ToResponse)],
        [.. d.ChangeIdeas.Select(c => new ChangeIdeaResponse(c.Idea.Id, c.Idea.Title, c.SecondaryDriverIds, c.Idea.WhoseBehaviour, c.Idea.WhatDifferently,
            c.Idea.PhysicalCapability, c.Idea.PsychologicalCapability, c.Idea.PhysicalOpportunity, c.Idea.SocialOpportunity, c.Idea.ReflectiveMotivation,
            c.Idea.AutomaticMotivation, c.Idea.HasDiagnosis, c.Idea.Functions, c.Idea.Levers, c.Idea.LeverDetails, [.. c.CarriedBy.Select(b => b.Id)]))]);
}
