using Concordat.Core.Access;
using Concordat.Core.TheoryOfChange;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>
/// A driver. <c>HomeGoalId</c> is the goal it was entered in, where it is changed; <c>ServesGoalIds</c> are the goals a primary
/// driver (a priority) serves, its home goal first. A driver shown in another goal's diagram hangs from a priority shared with it.
/// </summary>
public sealed record DriverResponse(Guid Id, DriverLevel Level, string Title, IReadOnlyList<Guid> ServesPrimaryDriverIds, IReadOnlyList<Guid> MeasureIds, Guid Version,
    Guid HomeGoalId, IReadOnlyList<Guid> ServesGoalIds);

/// <summary>Another goal for a priority to serve.</summary>
public sealed record ShareDriverRequest(Guid? GoalId);

/// <summary>A driver's new title and, for a secondary driver, the primary drivers it serves; the version read goes in If-Match.</summary>
public sealed record EditDriverRequest(string? Title, IReadOnlyList<Guid>? PrimaryDriverIds);

public sealed record ChangeIdeaResponse(Guid Id, string Title, IReadOnlyList<Guid> SecondaryDriverIds, string? WhoseBehaviour, string? WhatDifferently,
    string? PhysicalCapability, string? PsychologicalCapability, string? PhysicalOpportunity, string? SocialOpportunity, string? ReflectiveMotivation,
    string? AutomaticMotivation, bool HasDiagnosis, InterventionFunctions Functions, PolicyLevers Levers, string? LeverDetails, IReadOnlyList<Guid> ContributionIds,
    IReadOnlyList<CarrierResponse> Carriers, Guid Version, Guid HomeGoalId);

/// <summary>
/// A contribution linked to a change idea. <c>ContributionIds</c> on the idea lists those carrying it and those asked to;
/// only <c>Accepted</c> ones carry it.
/// </summary>
public sealed record CarrierResponse(Guid ContributionId, Guid OrganisationId, string Organisation, CarryingStatus Status, string RequestedByName,
    DateTime RequestedAtUtc, string? AnsweredByName, string? DeclineReason);

public sealed record DeclineCarryingRequest(string? Reason);

public sealed record DriverDiagramResponse(Guid GoalId, string Aim, IReadOnlyList<Guid> OutcomeMeasureIds, IReadOnlyList<DriverResponse> PrimaryDrivers,
    IReadOnlyList<DriverResponse> SecondaryDrivers, IReadOnlyList<ChangeIdeaResponse> ChangeIdeas);

public static class TheoryOfChangeApi
{
    public static void MapTheoryOfChangeApi(this RouteGroupBuilder group)
    {
        group.MapGet("/goals/{id:guid}/driver-diagram", async (Guid id, TheoryOfChangeService theory, CancellationToken ct) => TypedResults.Ok(ToResponse(await theory.GetAsync(id, ct))))
            .WithSummary("A goal's driver diagram: aim, primary and secondary drivers, change ideas with their behaviour diagnosis (COM-B), intervention functions and policy levers");

        group.MapPost("/goals/{id:guid}/drivers", async (Guid systemId, Guid id, AddDriver request, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                var driver = await theory.AddDriverAsync(id, request, context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(driver.Version);
                return TypedResults.CreatedAtRoute(ToResponse(Driver(await theory.GetAsync(id, ct), driver.Id)), "GetDriver", new { systemId, id, driverId = driver.Id });
            })
            .WithSummary("Add a primary driver, or a secondary driver serving one or more primary drivers (convenors, or leads of an organisation that leads or owns the goal)");

        group.MapGet("/goals/{id:guid}/drivers/{driverId:guid}", async (Guid id, Guid driverId, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                var driver = Driver(await theory.GetAsync(id, ct), driverId);
                context.Response.Headers.ETag = ETags.For(driver.Driver.Version);
                return TypedResults.Ok(ToResponse(driver));
            })
            .WithName("GetDriver")
            .WithSummary("One driver of the goal's diagram; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/goals/{id:guid}/drivers/{driverId:guid}", async (Guid id, Guid driverId, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.RemoveDriverAsync(id, driverId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a driver");

        group.MapPut("/goals/{id:guid}/drivers/{driverId:guid}", async Task<Results<Ok<DriverResponse>, ProblemHttpResult>> (Guid id, Guid driverId,
                EditDriverRequest request, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                var driver = await theory.EditDriverAsync(id, driverId, new EditDriver(request.Title, request.PrimaryDriverIds, ETags.Parse(context.Request.Headers.IfMatch)), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(driver.Version);
                return TypedResults.Ok(ToResponse(Driver(await theory.GetAsync(id, ct), driverId)));
            })
            .WithSummary("Change a driver's title and, for a secondary driver, the primary drivers it serves (its level stays); requires If-Match with the driver's version")
            .RequiresIfMatch();

        group.MapPost("/goals/{id:guid}/drivers/{driverId:guid}/measures/{measureId:guid}", async (Guid id, Guid driverId, Guid measureId, HttpContext context,
                TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.AttachMeasureAsync(id, driverId, measureId, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await theory.GetAsync(id, ct)));
            })
            .WithSummary("Attach a process measure to a driver");

        group.MapPost("/goals/{id:guid}/change-ideas", async (Guid systemId, Guid id, SaveChangeIdea request, HttpContext context, TheoryOfChangeService theory,
                CancellationToken ct) =>
            {
                var idea = await theory.AddChangeIdeaAsync(id, request, context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(idea.Version);
                return TypedResults.CreatedAtRoute(ToResponse(ChangeIdea(await theory.GetAsync(id, ct), idea.Id)), "GetChangeIdea", new { systemId, id, ideaId = idea.Id });
            })
            .WithSummary("Add a change idea with whose behaviour must change, the COM-B diagnosis, intervention functions, policy levers and the contributions that carry it");

        group.MapGet("/goals/{id:guid}/change-ideas/{ideaId:guid}", async (Guid id, Guid ideaId, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                var idea = ChangeIdea(await theory.GetAsync(id, ct), ideaId);
                context.Response.Headers.ETag = ETags.For(idea.Idea.Version);
                return TypedResults.Ok(ToResponse(idea));
            })
            .WithName("GetChangeIdea")
            .WithSummary("One change idea of the goal's diagram; its ETag is the version to send in If-Match when changing it")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/goals/{id:guid}/change-ideas/{ideaId:guid}", async (Guid id, Guid ideaId, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.RemoveChangeIdeaAsync(id, ideaId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a change idea");

        group.MapPut("/goals/{id:guid}/change-ideas/{ideaId:guid}", async Task<Results<Ok<ChangeIdeaResponse>, ProblemHttpResult>> (Guid id, Guid ideaId,
                SaveChangeIdea request, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                var idea = await theory.EditChangeIdeaAsync(id, ideaId, request, ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                context.Response.Headers.ETag = ETags.For(idea.Version);
                return TypedResults.Ok(ToResponse(ChangeIdea(await theory.GetAsync(id, ct), ideaId)));
            })
            .WithSummary("Change a change idea, replacing its secondary drivers and the contributions that carry it (a lead whose organisation carries it must keep carrying it); requires If-Match with its version")
            .RequiresIfMatch();

        group.MapGet("/carrying-requests", async (Guid? organisationId, [AsParameters] PageQuery page, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                var actor = context.Actor();
                IReadOnlyCollection<Guid> organisations = organisationId is { } one ? [one]
                    : [.. actor.Memberships.Where(m => m.Role == Concordat.Core.Partnerships.Role.OrganisationLead).Select(m => m.OrganisationId)];
                return TypedResults.Ok(page.Of(context, await theory.CarryingRequestsAsync(organisations, ct)));
            })
            .WithSummary("Requests for contributions to carry change ideas, still to be answered: of one organisation, or of every organisation you lead");

        group.MapPost("/goals/{id:guid}/change-ideas/{ideaId:guid}/carriers/{contributionId:guid}/accept", async (Guid id, Guid ideaId, Guid contributionId,
                HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.AcceptCarryingAsync(id, ideaId, contributionId, context.Actor(), ct);
                return TypedResults.Ok(ToResponse((await theory.GetAsync(id, ct)).ChangeIdeas.Single(c => c.Idea.Id == ideaId)));
            })
            .WithSummary("Agree that your organisation's contribution carries a change idea it was asked to carry (leads of the contribution's organisation)");

        group.MapPost("/goals/{id:guid}/change-ideas/{ideaId:guid}/carriers/{contributionId:guid}/decline", async (Guid id, Guid ideaId, Guid contributionId,
                DeclineCarryingRequest request, HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.DeclineCarryingAsync(id, ideaId, contributionId, request.Reason, context.Actor(), ct);
                return TypedResults.Ok(ToResponse((await theory.GetAsync(id, ct)).ChangeIdeas.Single(c => c.Idea.Id == ideaId)));
            })
            .WithSummary("Decline, with a reason, a request for your organisation's contribution to carry a change idea (leads of the contribution's organisation)");

        group.MapDelete("/goals/{id:guid}/change-ideas/{ideaId:guid}/carriers/{contributionId:guid}", async (Guid id, Guid ideaId, Guid contributionId,
                HttpContext context, TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.StopCarryingAsync(id, ideaId, contributionId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop your organisation's contribution carrying a change idea (leads of the contribution's organisation)");

        group.MapPost("/goals/{id:guid}/drivers/{driverId:guid}/shares", async (Guid id, Guid driverId, ShareDriverRequest request, HttpContext context,
                TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.ShareDriverAsync(id, driverId, request.GoalId ?? Guid.Empty, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(Driver(await theory.GetAsync(id, ct), driverId)));
            })
            .WithSummary("Let a priority (a primary driver of this goal, its home goal) serve another goal too, with everything under it, not copied "
                + "(convenors, or leads of an organisation that leads or owns each goal)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/goals/{id:guid}/drivers/{driverId:guid}/shares/{goalId:guid}", async (Guid id, Guid driverId, Guid goalId, HttpContext context,
                TheoryOfChangeService theory, CancellationToken ct) =>
            {
                await theory.UnshareDriverAsync(id, driverId, goalId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop a priority serving another goal; it stays in its home goal (convenors, or leads of an organisation that leads or owns either goal)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static DriverNode Driver(DriverDiagram diagram, Guid driverId) =>
        diagram.Primary.Concat(diagram.Secondary).SingleOrDefault(d => d.Driver.Id == driverId) ?? throw new NotFoundException("The goal's diagram has no such driver.");

    private static ChangeIdeaNode ChangeIdea(DriverDiagram diagram, Guid ideaId) =>
        diagram.ChangeIdeas.SingleOrDefault(c => c.Idea.Id == ideaId) ?? throw new NotFoundException("The goal's diagram has no such change idea.");

    private static DriverResponse ToResponse(DriverNode d) => new(d.Driver.Id, d.Driver.Level, d.Driver.Title, d.ServesPrimaryIds, [.. d.Measures.Select(m => m.Id)],
        d.Driver.Version, d.Driver.GoalId, [.. d.Goals.Select(g => g.Id)]);

    private static ChangeIdeaResponse ToResponse(ChangeIdeaNode c) => new(c.Idea.Id, c.Idea.Title, c.SecondaryDriverIds, c.Idea.WhoseBehaviour, c.Idea.WhatDifferently,
        c.Idea.PhysicalCapability, c.Idea.PsychologicalCapability, c.Idea.PhysicalOpportunity, c.Idea.SocialOpportunity, c.Idea.ReflectiveMotivation,
        c.Idea.AutomaticMotivation, c.Idea.HasDiagnosis, c.Idea.Functions, c.Idea.Levers, c.Idea.LeverDetails, c.LinkedContributionIds,
        [.. c.Carriers.Select(b => new CarrierResponse(b.Id, b.OrganisationId, b.Organisation, b.Status, b.RequestedByName, b.RequestedAtUtc, b.AnsweredByName,
            b.DeclineReason))], c.Idea.Version, c.Idea.GoalId);

    private static DriverDiagramResponse ToResponse(DriverDiagram d) => new(d.GoalId, d.Aim, [.. d.OutcomeMeasures.Select(m => m.Id)],
        [.. d.Primary.Select(ToResponse)], [.. d.Secondary.Select(ToResponse)], [.. d.ChangeIdeas.Select(ToResponse)]);
}
