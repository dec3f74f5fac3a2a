using Concordat.Core.Access;
using Concordat.Core.Resources;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

public sealed record PooledFundResponse(Guid Id, string Name, PooledFundType Type, Guid HostOrganisationId, string Host, string PoolManager, string FinancialYear,
    long PaidInPence, long AllocatedInPence, long UnallocatedInPence, IReadOnlyList<FundContributionResponse> Contributions, IReadOnlyList<SchemeResponse> Schemes);

/// <summary>What a partner pays in: amountInPence is what it confirmed (and counts); proposedInPence a host's proposal awaiting its answer.</summary>
public sealed record FundContributionResponse(Guid OrganisationId, string Organisation, long AmountInPence, long? ProposedInPence, string? ProposedBy);

public sealed record SchemeResponse(Guid Id, string Name, long AmountInPence, IReadOnlyList<Guid> GoalIds);

public static class PooledFundsApi
{
    public static void MapPooledFundsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/pooled-funds", async ([AsParameters] PageQuery page, HttpContext context, PooledFundService funds, CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await funds.ListAsync(ct), ToResponse)))
            .WithSummary("Section 75 pooled budgets and Better Care Fund records, with what each partner pays in, the schemes and the goals they serve; paidIn = allocated + unallocated");

        group.MapGet("/pooled-funds/{id:guid}", async (Guid id, PooledFundService funds, CancellationToken ct) => TypedResults.Ok(ToResponse(await funds.GetAsync(id, ct))))
            .WithName("GetPooledFund")
            .WithSummary("One pooled fund");

        group.MapPost("/pooled-funds", async (Guid systemId, SavePooledFund request, HttpContext context, PooledFundService funds, CancellationToken ct) =>
            {
                var fund = await funds.CreateAsync(request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(ToResponse(await funds.GetAsync(fund.Id, ct)), "GetPooledFund", new { systemId, id = fund.Id });
            })
            .WithSummary("Set up a pooled fund (leads of the host organisation)");

        group.MapPut("/pooled-funds/{id:guid}/contributions/{organisationId:guid}", async (Guid id, Guid organisationId, AmountRequest request, HttpContext context,
                PooledFundService funds, CancellationToken ct) =>
            {
                await funds.SetContributionAsync(id, new SetFundContribution(organisationId, request.AmountInPence), context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await funds.GetAsync(id, ct)));
            })
            .WithSummary("Set what your organisation pays into the fund (its leads; 0 takes it out), or, as a lead of the host, propose what another partner pays, " +
                "which counts once it confirms");

        group.MapPost("/pooled-funds/{id:guid}/contributions/{organisationId:guid}/confirm", async (Guid id, Guid organisationId, HttpContext context,
                PooledFundService funds, CancellationToken ct) =>
            {
                await funds.ConfirmProposalAsync(id, organisationId, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await funds.GetAsync(id, ct)));
            })
            .WithSummary("Confirm the host's proposal of what your organisation pays in (its leads)");

        group.MapPost("/pooled-funds/{id:guid}/contributions/{organisationId:guid}/decline", async (Guid id, Guid organisationId, HttpContext context,
                PooledFundService funds, CancellationToken ct) =>
            {
                await funds.DeclineProposalAsync(id, organisationId, context.Actor(), ct);
                return TypedResults.Ok(ToResponse(await funds.GetAsync(id, ct)));
            })
            .WithSummary("Decline the host's proposal of what your organisation pays in (its leads); what it already pays stays");

        group.MapPost("/pooled-funds/{id:guid}/schemes", async (Guid systemId, Guid id, AddScheme request, HttpContext context, PooledFundService funds, CancellationToken ct) =>
            {
                var scheme = await funds.AddSchemeAsync(id, request, context.Actor(), ct);
                return TypedResults.CreatedAtRoute(Scheme(await funds.GetAsync(id, ct), scheme.Id), "GetScheme", new { systemId, id, schemeId = scheme.Id });
            })
            .WithSummary("Add a scheme the fund pays for, and the goals it serves (leads of the host organisation)");

        group.MapGet("/pooled-funds/{id:guid}/schemes/{schemeId:guid}", async (Guid id, Guid schemeId, PooledFundService funds, CancellationToken ct) =>
                TypedResults.Ok(Scheme(await funds.GetAsync(id, ct), schemeId)))
            .WithName("GetScheme")
            .WithSummary("One scheme the fund pays for")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/pooled-funds/{id:guid}/schemes/{schemeId:guid}", async (Guid id, Guid schemeId, HttpContext context, PooledFundService funds, CancellationToken ct) =>
            {
                await funds.RemoveSchemeAsync(id, schemeId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a scheme");
    }

    public sealed record AmountRequest(long? AmountInPence);

    private static PooledFundResponse ToResponse(PooledFundDetail d) => new(d.Fund.Id, d.Fund.Name, d.Fund.Type, d.Fund.HostOrganisationId, d.Host, d.Fund.PoolManager,
        d.Fund.FinancialYear, d.PaidInPence, d.AllocatedInPence, d.UnallocatedInPence,
        [.. d.Contributions.Select(c => new FundContributionResponse(c.OrganisationId, c.Organisation, c.AmountInPence, c.ProposedInPence, c.ProposedByName))],
        [.. d.Schemes.Select(ToResponse)]);

    private static SchemeResponse Scheme(PooledFundDetail fund, Guid schemeId) =>
        ToResponse(fund.Schemes.SingleOrDefault(s => s.Id == schemeId) ?? throw new NotFoundException("The fund has no such scheme."));

    private static SchemeResponse ToResponse(SchemeRow s) => new(s.Id, s.Name, s.AmountInPence, [.. s.Goals.Select(g => g.Id)]);
}
