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
    /// <summary>
    /// Convenors, and leads of the goal's stewards (<see cref="StewardsOfAsync"/>), shape the goal: its needs, measures and theory of change, and
    /// they accept contributions to it and acknowledge its check-ins.
    /// </summary>
    public static bool CanShape(Actor actor, IReadOnlyList<Guid> stewards) => actor.IsConvenor || stewards.Any(actor.IsLeadOf);

    public static void RequireSteward(Actor actor, IReadOnlyList<Guid> stewards, string action)
    {
        if (!CanShape(actor, stewards))
        {
            throw new ForbiddenException($"Only a convenor or a lead of an organisation that leads or owns the goal can {action}.");
        }
    }

    public static async Task<IReadOnlyList<Guid>> StewardsAsync(ConcordatDb db, Guid goalId, CancellationToken ct) =>
        (await StewardsOfAsync(db, [goalId], ct)).GetValueOrDefault(goalId) ?? throw new NotFoundException("There is no such goal in this system.");

    /// <summary>
    /// The organisations whose leads answer for each goal: its lead organisation; or, for a goal with no lead, its joint owners and the members of
    /// its owning forum (a forum owns a goal through its members, and no one else could shape it but a convenor). Two queries, whatever the number of goals.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<Guid>>> StewardsOfAsync(ConcordatDb db, IReadOnlyCollection<Guid> goalIds, CancellationToken ct)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id))
            .Select(g => new { g.Id, g.LeadOrganisationId, g.OwningForumId, JointOwners = g.JointOwners.Select(o => o.OrganisationId).ToList() }).ToListAsync(ct);
        var forumIds = goals.Where(g => g.LeadOrganisationId is null && g.OwningForumId is not null).Select(g => g.OwningForumId!.Value).Distinct().ToList();
        var members = (forumIds.Count == 0 ? [] : await db.Set<ForumMember>().AsNoTracking().Where(m => forumIds.Contains(m.ForumId))
            .Select(m => new { m.ForumId, m.OrganisationId }).ToListAsync(ct)).ToLookup(m => m.ForumId, m => m.OrganisationId);
        return goals.ToDictionary(g => g.Id, g => g.LeadOrganisationId is { } lead
            ? [lead]
            : (IReadOnlyList<Guid>)[.. g.JointOwners.Union(g.OwningForumId is { } forum ? members[forum] : [])]);
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
