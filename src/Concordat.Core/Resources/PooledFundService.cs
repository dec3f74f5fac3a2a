using Concordat.Core.Words;
using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

public sealed record SavePooledFund(string? Name, PooledFundType? Type, Guid? HostOrganisationId, string? PoolManager, string? FinancialYear);

public sealed record SetFundContribution(Guid? OrganisationId, long? AmountInPence);

public sealed record AddScheme(string? Name, long? AmountInPence, IReadOnlyList<Guid>? GoalIds);

/// <summary>A partner's payment: what it confirmed (what counts), and any proposal from the host awaiting its answer.</summary>
public sealed record FundContributionRow(Guid OrganisationId, string Organisation, long AmountInPence, long? ProposedInPence, string? ProposedByName);

public sealed record SchemeRow(Guid Id, string Name, long AmountInPence, IReadOnlyList<(Guid Id, string Title)> Goals);

/// <summary>A pooled fund with what partners pay in and what its schemes spend; the difference is what is not yet allocated.</summary>
public sealed record PooledFundDetail(PooledFund Fund, string Host, IReadOnlyList<FundContributionRow> Contributions, IReadOnlyList<SchemeRow> Schemes)
{
    public long PaidInPence => Contributions.Sum(c => c.AmountInPence);
    public long AllocatedInPence => Schemes.Sum(s => s.AmountInPence);
    public long UnallocatedInPence => PaidInPence - AllocatedInPence;
}

/// <summary>
/// Section 75 pooled budgets and the Better Care Fund. The host organisation's leads set a fund up and commit its
/// spending to schemes; what each partner pays in is set only by that partner's own leads (the host may propose an
/// amount, which counts once the partner confirms it).
/// </summary>
public sealed class PooledFundService(ConcordatDb db, TimeProvider clock)
{
    public const string EntityType = "PooledFund";

    public async Task<IReadOnlyList<PooledFundDetail>> ListAsync(CancellationToken ct) =>
        await DetailsAsync(await db.PooledFunds.AsNoTracking().OrderBy(f => f.FinancialYear).ThenBy(f => f.Name).ThenBy(f => f.Id).ToListAsync(ct), ct);

    public async Task<PooledFundDetail> GetAsync(Guid id, CancellationToken ct) =>
        (await DetailsAsync([await db.PooledFunds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("There is no such pooled fund in this system.")], ct))[0];

    /// <summary>The funds with their payments, schemes and the goals those serve: four queries, however many funds.</summary>
    private async Task<IReadOnlyList<PooledFundDetail>> DetailsAsync(IReadOnlyList<PooledFund> funds, CancellationToken ct)
    {
        var fundIds = funds.Select(f => f.Id).ToList();
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var contributions = (await db.PooledFundContributions.AsNoTracking().Where(c => fundIds.Contains(c.PooledFundId)).ToListAsync(ct)).ToLookup(c => c.PooledFundId);
        var schemes = (await db.PooledFundSchemes.AsNoTracking().Where(s => fundIds.Contains(s.PooledFundId)).ToListAsync(ct)).ToLookup(s => s.PooledFundId);
        var goals = (await (from link in db.PooledFundSchemeGoals.AsNoTracking()
                            join scheme in db.PooledFundSchemes on link.SchemeId equals scheme.Id
                            join goal in db.Goals on link.GoalId equals goal.Id
                            where fundIds.Contains(scheme.PooledFundId)
                            select new { link.SchemeId, goal.Id, goal.Title }).ToListAsync(ct)).ToLookup(g => g.SchemeId);
        return [.. funds.Select(fund => new PooledFundDetail(fund, organisations[fund.HostOrganisationId],
            [.. contributions[fund.Id].Select(c => new FundContributionRow(c.OrganisationId, organisations[c.OrganisationId], c.AmountInPence, c.ProposedInPence, c.ProposedByName))
                .OrderBy(c => c.Organisation, StringComparer.Ordinal)],
            [.. schemes[fund.Id].OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SchemeRow(s.Id, s.Name, s.AmountInPence, [.. goals[s.Id].Select(g => (g.Id, g.Title))]))]))];
    }

    public async Task<PooledFund> CreateAsync(SavePooledFund input, Actor actor, CancellationToken ct)
    {
        actor.RequireActingForSome(null, "Only a lead of the host organisation can set up a pooled fund it hosts.", leadsOnly: true);
        var errors = new InputErrors();
        var name = errors.OptionalText(nameof(input.Name), "Name", input.Name, PooledFund.NameMaxLength);
        if (name is null)
        {
            errors.Add(nameof(input.Name), "Enter the fund's name, like Northshire Better Care Fund 2026/27");
        }
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add(nameof(input.Type), "Select the kind of pooled fund");
            type = default;
        }
        if (input.HostOrganisationId is not { } hostId || !await db.Organisations.AnyAsync(o => o.Id == hostId, ct))
        {
            errors.Add(nameof(input.HostOrganisationId), "Select the organisation that hosts the fund");
            hostId = default;
        }
        var manager = errors.OptionalText(nameof(input.PoolManager), "Pool manager", input.PoolManager, Resource.TextMaxLength);
        if (manager is null)
        {
            errors.Add(nameof(input.PoolManager), "Enter the pool manager's name and role");
        }
        var year = input.FinancialYear?.Trim();
        if (!FinancialYear.IsValid(year))
        {
            errors.Add(nameof(input.FinancialYear), FinancialYear.Problem);
        }
        errors.ThrowIfAny();
        if (!actor.IsLeadOf(hostId))
        {
            throw new ForbiddenException("Only a lead of the host organisation can set up a pooled fund it hosts.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var fund = new PooledFund
        {
            SystemId = actor.SystemId, Name = name!, Type = type, HostOrganisationId = hostId, PoolManager = manager!, FinancialYear = year!, CreatedAtUtc = now,
        };
        db.PooledFunds.Add(fund);
        db.Audit(actor, now, "PooledFundCreated", EntityType, fund.Id, fund.Name, null, new SortedDictionary<string, string?>
        {
            ["Type"] = type.InWords(), ["Pool manager"] = manager, ["Financial year"] = year,
        });
        await db.SaveChangesAsync(ct);
        return fund;
    }

    private async Task<PooledFund> ManagedAsync(Guid fundId, Actor actor, CancellationToken ct)
    {
        var fund = await db.PooledFunds.SingleOrDefaultAsync(f => f.Id == fundId, ct) ?? throw new NotFoundException("There is no such pooled fund in this system.");
        if (!actor.IsLeadOf(fund.HostOrganisationId))
        {
            throw new ForbiddenException("Only a lead of the host organisation can commit the pooled fund's spending.");
        }
        return fund;
    }

    /// <summary>
    /// A lead of the paying partner sets what it pays in (zero takes it out of the fund); a lead of the host proposes
    /// an amount for another partner, which counts once that partner confirms it, or records what a co-funder from
    /// outside the system pays in. Returns whether the amount now counts.
    /// </summary>
    public async Task<bool> SetContributionAsync(Guid fundId, SetFundContribution input, Actor actor, CancellationToken ct)
    {
        var fund = await db.PooledFunds.SingleOrDefaultAsync(f => f.Id == fundId, ct) ?? throw new NotFoundException("There is no such pooled fund in this system.");
        var errors = new InputErrors();
        if (input.OrganisationId is not { } organisationId || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            errors.Add(nameof(input.OrganisationId), "Select the partner paying in");
            organisationId = default;
        }
        if (input.AmountInPence is not { } amount || amount is < 0 or > Pence.Max)
        {
            errors.Add(nameof(input.AmountInPence), "Enter the amount, £0 or more and under a trillion pounds");
            amount = 0;
        }
        errors.ThrowIfAny();
        var payer = await db.Organisations.Where(o => o.Id == organisationId).Select(o => new { o.Name, o.IsPartner }).SingleAsync(ct);
        var organisation = payer.Name;
        var hostLead = actor.IsLeadOf(fund.HostOrganisationId);
        // No one acts for a co-funder from outside the system, so what the host's leads record for it counts at once.
        var ownPayment = actor.IsLeadOf(organisationId) || (!payer.IsPartner && hostLead);
        if (!ownPayment && !hostLead)
        {
            throw new ForbiddenException($"Only {organisation}'s leads can set what it pays into {fund.Name}; the host's leads can propose an amount for it to confirm.");
        }
        var existing = await db.PooledFundContributions.SingleOrDefaultAsync(c => c.PooledFundId == fundId && c.OrganisationId == organisationId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (ownPayment)
        {
            var before = existing?.AmountInPence;
            if (existing is null && amount > 0)
            {
                db.PooledFundContributions.Add(new PooledFundContribution
                {
                    SystemId = actor.SystemId, PooledFundId = fundId, OrganisationId = organisationId, AmountInPence = amount, ConfirmedByName = actor.DisplayName,
                });
            }
            else if (existing is not null && amount == 0)
            {
                db.PooledFundContributions.Remove(existing);
            }
            else if (existing is not null)
            {
                (existing.AmountInPence, existing.ConfirmedByName) = (amount, actor.DisplayName);
                (existing.ProposedInPence, existing.ProposedByName) = (null, null);
            }
            db.Audit(actor, now, "PooledFundContributionSet", EntityType, fundId, fund.Name,
                before is null ? null : new SortedDictionary<string, string?> { [organisation] = Prose.Pounds(before.Value) },
                new SortedDictionary<string, string?> { [organisation] = Prose.Pounds(amount) });
        }
        else
        {
            if (existing is null)
            {
                existing = new PooledFundContribution { SystemId = actor.SystemId, PooledFundId = fundId, OrganisationId = organisationId };
                db.PooledFundContributions.Add(existing);
            }
            (existing.ProposedInPence, existing.ProposedByName) = (amount, actor.DisplayName);
            db.Audit(actor, now, "PooledFundContributionProposed", EntityType, fundId, fund.Name, null,
                new SortedDictionary<string, string?> { [organisation] = Prose.Pounds(amount), ["Awaiting"] = $"{organisation}'s confirmation" });
        }
        await db.SaveChangesAsync(ct);
        return ownPayment;
    }

    /// <summary>A lead of the paying partner accepts the host's proposal as what it pays in.</summary>
    public async Task ConfirmProposalAsync(Guid fundId, Guid organisationId, Actor actor, CancellationToken ct)
    {
        var proposal = await ProposalAsync(fundId, organisationId, actor, ct);
        await SetContributionAsync(fundId, new SetFundContribution(organisationId, proposal.ProposedInPence), actor, ct);
    }

    /// <summary>A lead of the paying partner turns the host's proposal down; what it already pays in stays as it was.</summary>
    public async Task DeclineProposalAsync(Guid fundId, Guid organisationId, Actor actor, CancellationToken ct)
    {
        var proposal = await ProposalAsync(fundId, organisationId, actor, ct);
        var fundName = await db.PooledFunds.Where(f => f.Id == fundId).Select(f => f.Name).SingleAsync(ct);
        var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PooledFundProposalDeclined", EntityType, fundId, fundName,
            new SortedDictionary<string, string?> { [organisation] = Prose.Pounds(proposal.ProposedInPence!.Value) }, null);
        if (proposal.AmountInPence == 0)
        {
            db.PooledFundContributions.Remove(proposal);
        }
        else
        {
            (proposal.ProposedInPence, proposal.ProposedByName) = (null, null);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Proposals from hosts awaiting the given organisations' answer.</summary>
    public async Task<IReadOnlyList<(PooledFund Fund, PooledFundContribution Proposal)>> ProposalsAwaitingAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct) =>
        (await (from c in db.PooledFundContributions.AsNoTracking()
                join f in db.PooledFunds on c.PooledFundId equals f.Id
                where c.ProposedInPence != null && organisationIds.Contains(c.OrganisationId)
                orderby f.Name
                select new { f, c }).ToListAsync(ct)).Select(x => (x.f, x.c)).ToList();

    private async Task<PooledFundContribution> ProposalAsync(Guid fundId, Guid organisationId, Actor actor, CancellationToken ct)
    {
        if (!actor.IsLeadOf(organisationId))
        {
            throw new ForbiddenException("Only the paying partner's leads can answer a proposal for what it pays in.");
        }
        var proposal = await db.PooledFundContributions.SingleOrDefaultAsync(c => c.PooledFundId == fundId && c.OrganisationId == organisationId, ct);
        return proposal?.ProposedInPence is null ? throw new NotFoundException("There is no proposal waiting for this partner's answer.") : proposal;
    }

    public async Task<PooledFundScheme> AddSchemeAsync(Guid fundId, AddScheme input, Actor actor, CancellationToken ct)
    {
        var fund = await ManagedAsync(fundId, actor, ct);
        var errors = new InputErrors();
        var name = errors.OptionalText(nameof(input.Name), "Scheme", input.Name, PooledFundScheme.NameMaxLength);
        if (name is null)
        {
            errors.Add(nameof(input.Name), "Enter the scheme, like discharge to assess");
        }
        if (input.AmountInPence is not { } amount || amount is <= 0 or > Pence.Max)
        {
            errors.Add(nameof(input.AmountInPence), "Enter the amount, more than £0 and under a trillion pounds");
            amount = 0;
        }
        var goalIds = (input.GoalIds ?? []).Distinct().ToList();
        if (goalIds.Count > 0 && await db.Goals.CountAsync(g => goalIds.Contains(g.Id), ct) != goalIds.Count)
        {
            errors.Add(nameof(input.GoalIds), "Select goals of this system");
        }
        errors.ThrowIfAny();
        var scheme = new PooledFundScheme { SystemId = actor.SystemId, PooledFundId = fundId, Name = name!, AmountInPence = amount };
        db.PooledFundSchemes.Add(scheme);
        db.PooledFundSchemeGoals.AddRange(goalIds.Select(g => new PooledFundSchemeGoal { SystemId = actor.SystemId, SchemeId = scheme.Id, GoalId = g }));
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PooledFundSchemeAdded", EntityType, fundId, fund.Name, null,
            new SortedDictionary<string, string?> { ["Scheme"] = name, ["Amount"] = Prose.Pounds(amount) });
        await db.SaveChangesAsync(ct);
        return scheme;
    }

    public async Task RemoveSchemeAsync(Guid fundId, Guid schemeId, Actor actor, CancellationToken ct)
    {
        var fund = await ManagedAsync(fundId, actor, ct);
        var scheme = await db.PooledFundSchemes.SingleOrDefaultAsync(s => s.Id == schemeId && s.PooledFundId == fundId, ct)
            ?? throw new NotFoundException("That scheme has already been removed.");
        db.PooledFundSchemes.Remove(scheme);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "PooledFundSchemeRemoved", EntityType, fundId, fund.Name,
            new SortedDictionary<string, string?> { ["Scheme"] = scheme.Name, ["Amount"] = Prose.Pounds(scheme.AmountInPence) }, null);
        await db.SaveChangesAsync(ct);
    }
}
