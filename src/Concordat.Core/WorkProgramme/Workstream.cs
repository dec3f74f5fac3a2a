using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.TheoryOfChange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.WorkProgramme;

public enum WorkstreamStatus
{
    Proposed,
    Active,
    Paused,
    Closed,
}

public static class WorkstreamWords
{
    public static string InWords(this WorkstreamStatus status) => status switch
    {
        WorkstreamStatus.Proposed => "Proposed",
        WorkstreamStatus.Active => "Active",
        WorkstreamStatus.Paused => "Paused",
        WorkstreamStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>
/// A strand of the shared work programme serving one or more shared goals, led by one organisation with others
/// contributing. Convenors create workstreams; the lead organisation's leads (and convenors) change them.
/// </summary>
public sealed class Workstream : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 120;
    public const int PurposeMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public required string Purpose { get; set; }
    public Guid LeadOrganisationId { get; set; }

    /// <summary>The senior responsible owner: a person of the system, optional until one is named.</summary>
    public Guid? SeniorResponsibleOwnerId { get; set; }
    public WorkstreamStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public List<WorkstreamGoal> Goals { get; init; } = [];
    public List<WorkstreamOrganisation> Contributors { get; init; } = [];
    public List<WorkstreamChangeIdea> ChangeIdeas { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records of a workstream.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> names) => new SortedDictionary<string, string?>
    {
        ["Name"] = Name,
        ["Purpose"] = Purpose,
        ["Lead organisation"] = names.GetValueOrDefault(LeadOrganisationId, "?"),
        ["Senior responsible owner"] = SeniorResponsibleOwnerId is { } sro ? names.GetValueOrDefault(sro, "?") : null,
        ["Status"] = Status.InWords(),
        ["Goals"] = string.Join("; ", Goals.Select(g => names.GetValueOrDefault(g.GoalId, "?")).Order(StringComparer.Ordinal)),
        ["Contributors"] = string.Join(", ", Contributors.Select(c => names.GetValueOrDefault(c.OrganisationId, "?")).Order(StringComparer.Ordinal)),
        ["Change ideas"] = string.Join("; ", ChangeIdeas.Select(c => names.GetValueOrDefault(c.ChangeIdeaId, "?")).Order(StringComparer.Ordinal)),
    };
}

public sealed class WorkstreamGoal : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid GoalId { get; init; }
}

public sealed class WorkstreamOrganisation : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid OrganisationId { get; init; }
}

public sealed class WorkstreamChangeIdea : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid ChangeIdeaId { get; init; }
}

internal sealed class WorkstreamConfiguration : IEntityTypeConfiguration<Workstream>
{
    public void Configure(EntityTypeBuilder<Workstream> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(Workstream.NameMaxLength);
        builder.Property(w => w.Purpose).HasMaxLength(Workstream.PurposeMaxLength);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(w => w.SystemId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(w => w.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(w => w.SeniorResponsibleOwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(w => w.Goals).WithOne().HasForeignKey(g => g.WorkstreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Contributors).WithOne().HasForeignKey(c => c.WorkstreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.ChangeIdeas).WithOne().HasForeignKey(c => c.WorkstreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.SystemId, w.Name }).IsUnique();
    }
}

internal sealed class WorkstreamGoalConfiguration : IEntityTypeConfiguration<WorkstreamGoal>
{
    public void Configure(EntityTypeBuilder<WorkstreamGoal> builder)
    {
        builder.HasKey(g => new { g.WorkstreamId, g.GoalId });
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.SystemId);
    }
}

internal sealed class WorkstreamOrganisationConfiguration : IEntityTypeConfiguration<WorkstreamOrganisation>
{
    public void Configure(EntityTypeBuilder<WorkstreamOrganisation> builder)
    {
        builder.HasKey(c => new { c.WorkstreamId, c.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SystemId);
    }
}

internal sealed class WorkstreamChangeIdeaConfiguration : IEntityTypeConfiguration<WorkstreamChangeIdea>
{
    public void Configure(EntityTypeBuilder<WorkstreamChangeIdea> builder)
    {
        builder.HasKey(c => new { c.WorkstreamId, c.ChangeIdeaId });
        builder.HasOne<ChangeIdea>().WithMany().HasForeignKey(c => c.ChangeIdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.SystemId);
    }
}
