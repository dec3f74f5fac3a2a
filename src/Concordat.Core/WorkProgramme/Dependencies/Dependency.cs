using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.WorkProgramme.Dependencies;

/// <summary>Where a request for another organisation's work stands.</summary>
public enum DependencyState
{
    /// <summary>Asked of the producing organisation, not yet answered.</summary>
    Requested,

    /// <summary>The producing organisation committed a date.</summary>
    Accepted,

    /// <summary>The producing organisation said no, and why.</summary>
    Declined,

    /// <summary>The producing organisation delivered what was needed.</summary>
    Delivered,

    /// <summary>Either side called it off before it was delivered.</summary>
    Withdrawn,
}

public static class DependencyWords
{
    public static string InWords(this DependencyState state) => state switch
    {
        DependencyState.Requested => "Requested",
        DependencyState.Accepted => "Accepted",
        DependencyState.Declined => "Declined",
        DependencyState.Delivered => "Delivered",
        DependencyState.Withdrawn => "Withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Still to be delivered: what the consuming organisation is waiting on.</summary>
    public static bool IsOpen(this DependencyState state) => state is DependencyState.Requested or DependencyState.Accepted;
}

/// <summary>
/// "We need your item before ours": the consuming item's organisation asks the producing item's organisation, which
/// alone answers. Answered, delivered and withdrawn requests stay, as the history of what was asked.
/// </summary>
public sealed class Dependency : ITenantOwned, IVersioned
{
    public const int NoteMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }

    /// <summary>The item that needs the other (A in "A depends on B").</summary>
    public Guid ConsumerItemId { get; init; }

    /// <summary>The item needed (B).</summary>
    public Guid ProducerItemId { get; init; }
    public DependencyState State { get; set; }

    /// <summary>What the consuming organisation needs from the item, in its own words.</summary>
    public string? Note { get; init; }
    public required string RequestedByName { get; init; }
    public DateTime RequestedAtUtc { get; init; }

    /// <summary>The date the producing organisation committed to when it accepted.</summary>
    public DateOnly? CommittedOn { get; set; }
    public string? DeclineReason { get; set; }
    public string? AnsweredByName { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public string? WithdrawnByName { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records of a dependency.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(string consumer, string producer) => new SortedDictionary<string, string?>
    {
        ["Needs"] = producer,
        ["For"] = consumer,
        ["State"] = State.InWords(),
        ["Note"] = Note,
        ["Committed date"] = CommittedOn is { } on ? Prose.Date(on) : null,
        ["Reason"] = DeclineReason,
    };
}

internal sealed class DependencyConfiguration : IEntityTypeConfiguration<Dependency>
{
    public void Configure(EntityTypeBuilder<Dependency> builder)
    {
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Note).HasMaxLength(Dependency.NoteMaxLength);
        builder.Property(d => d.DeclineReason).HasMaxLength(Dependency.ReasonMaxLength);
        builder.Property(d => d.RequestedByName).HasMaxLength(200);
        builder.Property(d => d.AnsweredByName).HasMaxLength(200);
        builder.Property(d => d.WithdrawnByName).HasMaxLength(200);
        builder.HasOne<Partnerships.CareSystem>().WithMany().HasForeignKey(d => d.SystemId);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(d => d.ConsumerItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(d => d.ProducerItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.SystemId, d.State });
        builder.HasIndex(d => d.ConsumerItemId);
        builder.HasIndex(d => d.ProducerItemId);
    }
}
