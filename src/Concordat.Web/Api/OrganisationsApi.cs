using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

public sealed record PlaceReference(Guid Id, string Name);

/// <summary>
/// An organisation: its codes each by itself, and <c>identifiers</c> naming each as people read it ("ONS code E06000047",
/// "Registered charity 1234567"); <c>isPartner</c> is false for an organisation outside the system, named only.
/// </summary>
public sealed record OrganisationResponse(Guid Id, string Name, OrganisationType Type, bool IsPartner, string? OdsCode, string? OnsCode, string? CharityNumber,
    string? CompanyNumber, IReadOnlyList<string> Identifiers, IReadOnlyList<PlaceReference> Places, Guid Version);

public sealed record OrganisationListItem(Guid Id, string Name, OrganisationType Type, bool IsPartner, string? OdsCode, string? OnsCode, string? CharityNumber,
    string? CompanyNumber, IReadOnlyList<string> Identifiers, IReadOnlyList<string> Places, int People);

/// <summary>
/// The fields of an organisation. <c>odsCode</c> is replaced as sent (null removes it), as it always was; the fields added
/// later (<c>onsCode</c>, <c>charityNumber</c>, <c>companyNumber</c>, <c>isPartner</c>) keep what is stored when left out of a
/// change, and an empty string removes a code. A new organisation is a partner unless <c>isPartner</c> is false.
/// </summary>
public sealed record OrganisationRequest(string? Name, OrganisationType? Type, string? OdsCode, IReadOnlyList<Guid>? PlaceIds,
    string? OnsCode = null, string? CharityNumber = null, string? CompanyNumber = null, bool? IsPartner = null)
{
    public SaveOrganisation ToInput(OrganisationDetail? stored = null) => new(Name, Type, OdsCode, PlaceIds ?? [],
        OnsCode ?? stored?.Codes.OnsCode, CharityNumber ?? stored?.Codes.CharityNumber, CompanyNumber ?? stored?.Codes.CompanyNumber,
        IsPartner ?? stored?.IsPartner ?? true);
}

/// <summary>Work an organisation handed to a person until a date; active is false once ended or past its last day.</summary>
public sealed record DelegationResponse(Guid Id, Guid OrganisationId, DelegatedCapability Capability, Guid PersonId, string Person, DateOnly Until, bool Active,
    string GrantedBy, DateTime GrantedAtUtc, string? RevokedBy, DateTime? RevokedAtUtc);

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async ([AsParameters] PageQuery page, HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            TypedResults.Ok(page.Of(context, await organisations.ListAsync(ct),
                o => new OrganisationListItem(o.Id, o.Name, o.Type, o.IsPartner, o.Codes.OdsCode, o.Codes.OnsCode, o.Codes.CharityNumber,
                    o.Codes.CompanyNumber, o.Codes.InWords(), o.Places, o.People))))
            .WithSummary("The system's organisations: its partners, and those outside it (isPartner false)");

        group.MapGet("/{id:guid}", async Task<Results<Ok<OrganisationResponse>, NotFound>> (Guid id, HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            {
                var organisation = await organisations.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(organisation.Version);
                return TypedResults.Ok(ToResponse(organisation));
            })
            .WithName("GetOrganisation")
            .WithSummary("One organisation; its ETag is the version to send in If-Match when updating")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Results<CreatedAtRoute<OrganisationResponse>, ValidationProblem>> (Guid systemId, OrganisationRequest request,
                HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            {
                var created = await organisations.CreateAsync(request.ToInput(), context.Actor(), ct);
                var organisation = await organisations.GetAsync(created.Id, ct);
                context.Response.Headers.ETag = ETags.For(organisation.Version);
                return TypedResults.CreatedAtRoute(ToResponse(organisation), "GetOrganisation", new { systemId, id = organisation.Id });
            })
            .WithSummary("Add a partner organisation, or one outside the system with isPartner false (convenors only)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPut("/{id:guid}", async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> (Guid id, OrganisationRequest request,
                HttpContext context, OrganisationService organisations, CancellationToken ct) =>
            {
                var stored = await organisations.GetAsync(id, ct);
                await organisations.UpdateAsync(id, request.ToInput(stored), ETags.Parse(context.Request.Headers.IfMatch), context.Actor(), ct);
                var organisation = await organisations.GetAsync(id, ct);
                context.Response.Headers.ETag = ETags.For(organisation.Version);
                return TypedResults.Ok(ToResponse(organisation));
            })
            .WithSummary("Change an organisation; requires If-Match with the ETag you read; codes added after odsCode keep their value when left out")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresIfMatch();

        group.MapGet("/{id:guid}/delegations", async (Guid id, [AsParameters] PageQuery page, HttpContext context, DelegationService delegations, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await delegations.ListAsync(id, ct), ToResponse)))
            .WithSummary("The work the organisation has handed to people outside it (current ones first)");

        group.MapGet("/{id:guid}/delegations/{delegationId:guid}", async (Guid id, Guid delegationId, DelegationService delegations, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await delegations.GetAsync(id, delegationId, ct))))
            .WithName("GetDelegation")
            .WithSummary("One piece of work the organisation handed to someone, ended or not")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/delegations", async (Guid systemId, Guid id, GrantDelegation request, HttpContext context, DelegationService delegations,
                CancellationToken ct) =>
            {
                var delegation = await delegations.GrantAsync(id, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(await delegations.GetAsync(id, delegation.Id, ct)), "GetDelegation",
                    new { systemId, id, delegationId = delegation.Id });
            })
            .WithSummary("Hand one kind of the organisation's work (Resources or MeasureData) to a person of the system until a date (the organisation's leads)");

        group.MapDelete("/{id:guid}/delegations/{delegationId:guid}", async (Guid id, Guid delegationId, HttpContext context, DelegationService delegations,
                CancellationToken ct) =>
            {
                await delegations.RevokeAsync(id, delegationId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("End a delegation (the organisation's leads, or the person it was handed to); the record stays");
    }

    private static DelegationResponse ToResponse(DelegationRow r)
    {
        var d = r.Delegation;
        return new DelegationResponse(d.Id, d.OrganisationId, d.Capability, d.DelegatePersonId, r.Delegate, d.Until, r.IsActive, d.GrantedByName, d.GrantedAtUtc,
            d.RevokedByName, d.RevokedAtUtc);
    }

    private static OrganisationResponse ToResponse(OrganisationDetail o) =>
        new(o.Id, o.Name, o.Type, o.IsPartner, o.Codes.OdsCode, o.Codes.OnsCode, o.Codes.CharityNumber, o.Codes.CompanyNumber, o.Codes.InWords(),
            o.Places.Select(p => new PlaceReference(p.Id, p.Name)).ToList(), o.Version);
}
