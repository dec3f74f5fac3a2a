using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.WorkProgramme.Iterations;

/// <summary>What became of an item planned into an iteration when the iteration closed.</summary>
public enum IterationOutcome
{
    Done,
    Carried,
    ReturnedToBacklog,
}

public static class IterationWords
{
    public static string InWords(this IterationOutcome outcome) => outcome switch
    {
        IterationOutcome.Done => "Done",
        IterationOutcome.Carried => "Carried into the next iteration",
        IterationOutcome.ReturnedToBacklog => "Returned to the backlog",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>How long the system's iterations last, set by a convenor; a system with no row uses the default.</summary>
public sealed class IterationCadence : ITenantOwned, IVersioned
{
    public const int DefaultWeeks = 6;
    public const int MaxWeeks = 26;

    [Key]
    public Guid SystemId { get; init; }
    public int Weeks { get; set; } = DefaultWeeks;

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A time-box of the shared work programme: what the partners mean to deliver between two dates. Once closed it keeps
/// a snapshot of what was planned, done and carried, so its review reads the same however the items move later.
/// </summary>
public sealed class Iteration : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 120;
    public const int ObjectiveMaxLength = 2000;
    public const int NotesMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public int Number { get; init; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Objective { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedByName { get; set; }

    /// <summary>When the partners held the iteration's review, as a convenor recorded it.</summary>
    public DateOnly? ReviewHeldOn { get; set; }
    public string? ReviewNotes { get; set; }

    /// <summary>When a convenor closed the retrospective; until then each participant may change its answer.</summary>
    public DateTime? RetrospectiveClosedAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>The retrospective opens when the iteration closes and stays open until a convenor closes it.</summary>
    public bool IsRetrospectiveOpen => ClosedAtUtc is not null && RetrospectiveClosedAtUtc is null;

    public IReadOnlyDictionary<string, string?> Snapshot() => new SortedDictionary<string, string?>
    {
        ["Name"] = Name,
        ["Dates"] = Prose.Dates(StartsOn, EndsOn),
        ["Objective"] = Objective,
        ["Review held"] = ReviewHeldOn is { } held ? Prose.Date(held) : null,
        ["Review notes"] = ReviewNotes,
    };
}

/// <summary>One item as it stood when its iteration closed: stored, never recomputed.</summary>
public sealed class IterationSnapshotItem : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid IterationId { get; init; }
    public Guid WorkItemId { get; init; }
    public required string Title { get; init; }
    public Guid WorkstreamId { get; init; }
    public Guid OwnerOrganisationId { get; init; }
    public required string OwnerOrganisation { get; init; }
    public WorkItemStatus Status { get; init; }
    public string? BlockedReason { get; init; }
    public IterationOutcome Outcome { get; init; }
}

/// <summary>An organisation taking part in a closed iteration's retrospective: an owner or contributor of an item planned into it.</summary>
public sealed class IterationParticipant : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid IterationId { get; init; }
    public Guid OrganisationId { get; init; }
}

/// <summary>Why an unfinished item slipped, in the words of a convenor or the item's owner.</summary>
public sealed class IterationSlipNote : ITenantOwned
{
    public const int NoteMaxLength = 1000;

    public Guid SystemId { get; init; }
    public Guid IterationId { get; init; }
    public Guid WorkItemId { get; init; }
    public required string Note { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>One organisation's own answer in a retrospective, changed only by its people while the retrospective is open.</summary>
public sealed class RetrospectiveAnswer : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid IterationId { get; init; }
    public Guid OrganisationId { get; init; }
    public string? WentWell { get; set; }
    public string? ToChange { get; set; }

    /// <summary>What the organisation learned about another partner's world: how it works, what constrains it.</summary>
    public string? LearnedAboutPartners { get; set; }
    public required string UpdatedByName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyDictionary<string, string?> Snapshot(string organisation) => new SortedDictionary<string, string?>
    {
        ["Organisation"] = organisation,
        ["What went well"] = WentWell,
        ["What to change"] = ToChange,
        ["What we learned about another partner's world"] = LearnedAboutPartners,
    };
}

/// <summary>An action agreed in a retrospective, carried out as a work item owned by one organisation.</summary>
public sealed class RetrospectiveAction : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid IterationId { get; init; }
    public Guid WorkItemId { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}

internal sealed class IterationCadenceConfiguration : IEntityTypeConfiguration<IterationCadence>
{
    public void Configure(EntityTypeBuilder<IterationCadence> builder) => builder.HasOne<CareSystem>().WithOne().HasForeignKey<IterationCadence>(c => c.SystemId);
}

internal sealed class IterationConfiguration : IEntityTypeConfiguration<Iteration>
{
    public void Configure(EntityTypeBuilder<Iteration> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(Iteration.NameMaxLength);
        builder.Property(i => i.Objective).HasMaxLength(Iteration.ObjectiveMaxLength);
        builder.Property(i => i.ReviewNotes).HasMaxLength(Iteration.NotesMaxLength);
        builder.Property(i => i.ClosedByName).HasMaxLength(200);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(i => i.SystemId);
        builder.HasIndex(i => new { i.SystemId, i.Number }).IsUnique();
    }
}

internal sealed class IterationSnapshotItemConfiguration : IEntityTypeConfiguration<IterationSnapshotItem>
{
    public void Configure(EntityTypeBuilder<IterationSnapshotItem> builder)
    {
        builder.HasKey(s => new { s.IterationId, s.WorkItemId });
        builder.Property(s => s.Title).HasMaxLength(WorkItem.TitleMaxLength);
        builder.Property(s => s.OwnerOrganisation).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(s => s.BlockedReason).HasMaxLength(WorkItem.BlockedReasonMaxLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Iteration>().WithMany().HasForeignKey(s => s.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SystemId);
    }
}

internal sealed class IterationParticipantConfiguration : IEntityTypeConfiguration<IterationParticipant>
{
    public void Configure(EntityTypeBuilder<IterationParticipant> builder)
    {
        builder.HasKey(p => new { p.IterationId, p.OrganisationId });
        builder.HasOne<Iteration>().WithMany().HasForeignKey(p => p.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SystemId);
    }
}

internal sealed class IterationSlipNoteConfiguration : IEntityTypeConfiguration<IterationSlipNote>
{
    public void Configure(EntityTypeBuilder<IterationSlipNote> builder)
    {
        builder.HasKey(s => new { s.IterationId, s.WorkItemId });
        builder.Property(s => s.Note).HasMaxLength(IterationSlipNote.NoteMaxLength);
        builder.Property(s => s.RecordedByName).HasMaxLength(200);
        builder.HasOne<Iteration>().WithMany().HasForeignKey(s => s.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(s => s.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SystemId);
    }
}

internal sealed class RetrospectiveAnswerConfiguration : IEntityTypeConfiguration<RetrospectiveAnswer>
{
    public void Configure(EntityTypeBuilder<RetrospectiveAnswer> builder)
    {
        builder.Property(a => a.WentWell).HasMaxLength(RetrospectiveAnswer.TextMaxLength);
        builder.Property(a => a.ToChange).HasMaxLength(RetrospectiveAnswer.TextMaxLength);
        builder.Property(a => a.LearnedAboutPartners).HasMaxLength(RetrospectiveAnswer.TextMaxLength);
        builder.Property(a => a.UpdatedByName).HasMaxLength(200);
        builder.HasOne<Iteration>().WithMany().HasForeignKey(a => a.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.IterationId, a.OrganisationId }).IsUnique();
        builder.HasIndex(a => a.SystemId);
    }
}

internal sealed class RetrospectiveActionConfiguration : IEntityTypeConfiguration<RetrospectiveAction>
{
    public void Configure(EntityTypeBuilder<RetrospectiveAction> builder)
    {
        builder.HasKey(a => a.WorkItemId);
        builder.HasOne<Iteration>().WithMany().HasForeignKey(a => a.IterationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkItem>().WithOne().HasForeignKey<RetrospectiveAction>(a => a.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.SystemId, a.IterationId });
    }
}
