using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Goals;

/// <summary>
/// Where a goal stands. Draft goals are visible to the partnership but send nothing and count in no totals;
/// a goal is Proposed while an agreement round on adopting it is open.
/// </summary>
public enum GoalStatus
{
    Draft,
    Proposed,
    Agreed,
    Retired,
}

/// <summary>The words people read for where a goal stands.</summary>
public static class GoalWords
{
    public static string InWords(this GoalStatus status) => status switch
    {
        GoalStatus.Draft => "Draft",
        GoalStatus.Proposed => "Proposed",
        GoalStatus.Agreed => "Agreed",
        GoalStatus.Retired => "Retired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>A shared goal: an outcome for a population that partners agree to work towards.</summary>
public sealed class Goal : ITenantOwned, IVersioned
{
    /// <summary>Convenors, and leads of the goal's lead organisation, shape the goal: its wording, needs, measures and theory of change.</summary>
    public static void RequireLeadOrConvenor(Actor actor, Guid? leadOrganisationId, string action)
    {
        if (!actor.IsConvenor && !actor.IsLeadOf(leadOrganisationId))
        {
            throw new ForbiddenException($"Only a convenor or a lead of the goal's lead organisation can {action}.");
        }
    }

    /// <summary>
    /// The organisations whose leads accept contributions to the goal and acknowledge its check-ins: its lead organisation, or for a goal with no lead its
    /// joint owners and the members of its owning forum.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> StewardsAsync(ConcordatDb db, Guid goalId, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().Where(g => g.Id == goalId)
            .Select(g => new { g.LeadOrganisationId, g.OwningForumId, JointOwners = g.JointOwners.Select(o => o.OrganisationId).ToList() }).SingleAsync(ct);
        if (goal.LeadOrganisationId is { } lead)
        {
            return [lead];
        }
        var members = await db.Forums.Where(f => f.Id == goal.OwningForumId).SelectMany(f => f.Members.Select(m => m.OrganisationId)).ToListAsync(ct);
        return [.. goal.JointOwners.Union(members)];
    }

    public static void RequireDrafter(Actor actor)
    {
        if (!actor.IsConvenor && !actor.Memberships.Any(m => m.Role == Role.OrganisationLead))
        {
            throw new ForbiddenException("Only a convenor or an organisation lead can draft a goal.");
        }
    }

    public const int TitleMaxLength = 120;
    public const int OutcomeMaxLength = 2000;
    public const int PopulationMaxLength = 500;
    public const int InequalityLensMaxLength = 300;
    public const int OwnerMaxLength = 120;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Title { get; set; }

    /// <summary>Who, what improves, by when — in the partners' own words.</summary>
    public required string OutcomeStatement { get; set; }
    public required string Population { get; set; }

    /// <summary>Whether the goal covers the whole system; otherwise it covers <see cref="Places"/>.</summary>
    public bool WholeSystem { get; set; }
    public List<GoalPlace> Places { get; init; } = [];

    /// <summary>For example "Core20PLUS5 — most deprived 20%"; optional.</summary>
    public string? InequalityLens { get; set; }

    /// <summary>The date by which the outcome should be reached.</summary>
    public DateOnly Horizon { get; set; }
    /// <summary>The organisation that leads the work, if one does; a goal owned by a forum or jointly may have none.</summary>
    public Guid? LeadOrganisationId { get; set; }

    /// <summary>
    /// The forum that owns the goal (the integrated care partnership, a health and wellbeing board), if one does; the lead
    /// organisation still leads the work.
    /// </summary>
    public Guid? OwningForumId { get; set; }

    /// <summary>Organisations that own the goal with the lead organisation; they may be from outside the system.</summary>
    public List<GoalJointOwner> JointOwners { get; init; } = [];

    /// <summary>The named senior responsible owner (SRO); optional, and the health check finds its absence.</summary>
    public string? SeniorResponsibleOwner { get; set; }
    public GoalStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>The ambition the goal serves, if any; goals under no ambition come after all the others.</summary>
    public Guid? AmbitionId { get; set; }

    /// <summary>Where the goal comes among the goals of its ambition (or of none), first at 0; set by convenors.</summary>
    public int Position { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <param name="organisationNames">Names of the lead organisation and the joint owners.</param>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> placeNames, IReadOnlyDictionary<Guid, string> organisationNames, string? owningForum) =>
        new SortedDictionary<string, string?>
        {
            ["Title"] = Title,
            ["Outcome"] = OutcomeStatement,
            ["Population"] = Population,
            ["Scope"] = WholeSystem ? "Whole system" : string.Join(", ", Places.Select(p => placeNames.GetValueOrDefault(p.PlaceId, "?")).Order()),
            ["Inequality lens"] = InequalityLens,
            ["Horizon"] = Prose.Date(Horizon),
            ["Lead organisation"] = LeadOrganisationId is { } lead ? organisationNames.GetValueOrDefault(lead, "?") : null,
            ["Owning forum"] = owningForum,
            ["Joint owners"] = JointOwners.Count == 0 ? null
                : string.Join(", ", JointOwners.Select(o => organisationNames.GetValueOrDefault(o.OrganisationId, "?")).Order(StringComparer.Ordinal)),
            ["Senior responsible owner"] = SeniorResponsibleOwner,
            ["Status"] = Status.InWords(),
        };
}

public sealed class GoalPlace : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public Guid PlaceId { get; init; }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Title).HasMaxLength(Goal.TitleMaxLength);
        builder.Property(g => g.OutcomeStatement).HasMaxLength(Goal.OutcomeMaxLength);
        builder.Property(g => g.Population).HasMaxLength(Goal.PopulationMaxLength);
        builder.Property(g => g.InequalityLens).HasMaxLength(Goal.InequalityLensMaxLength);
        builder.Property(g => g.SeniorResponsibleOwner).HasMaxLength(Goal.OwnerMaxLength);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(g => g.SystemId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Places).WithOne().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GovernanceForum>().WithMany().HasForeignKey(g => g.OwningForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.JointOwners).WithOne().HasForeignKey(o => o.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.SystemId, g.Status });
        builder.HasOne<Ambition>().WithMany().HasForeignKey(g => g.AmbitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GoalPlaceConfiguration : IEntityTypeConfiguration<GoalPlace>
{
    public void Configure(EntityTypeBuilder<GoalPlace> builder)
    {
        builder.HasKey(p => new { p.GoalId, p.PlaceId });
        builder.HasOne<Place>().WithMany().HasForeignKey(p => p.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SystemId);
    }
}
