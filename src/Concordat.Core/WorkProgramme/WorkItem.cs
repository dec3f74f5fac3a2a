using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.WorkProgramme;

/// <summary>Where a piece of work stands; the board's columns, in this order.</summary>
public enum WorkItemStatus
{
    Backlog,
    Ready,
    Doing,
    Blocked,
    Done,
}

/// <summary>A rough size, enough to see how much is planned without estimating hours across organisations.</summary>
public enum WorkItemSize
{
    Small,
    Medium,
    Large,
}

public static class WorkItemWords
{
    public static string InWords(this WorkItemStatus status) => status switch
    {
        WorkItemStatus.Backlog => "Backlog",
        WorkItemStatus.Ready => "Ready",
        WorkItemStatus.Doing => "Doing",
        WorkItemStatus.Blocked => "Blocked",
        WorkItemStatus.Done => "Done",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string InWords(this WorkItemSize size) => size switch
    {
        WorkItemSize.Small => "Small",
        WorkItemSize.Medium => "Medium",
        WorkItemSize.Large => "Large",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };
}

/// <summary>
/// A piece of the shared work programme. It belongs to one organisation, whose people (and convenors) change it: a
/// partner never moves another partner's work. Any partner's people may comment on it.
/// </summary>
public sealed class WorkItem : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int BlockedReasonMaxLength = 500;

    /// <summary>People of the owning organisation change its work; convenors may too, to keep the board true.</summary>
    public static void RequireOwner(Actor actor, Guid ownerOrganisationId, string action)
    {
        if (!actor.IsConvenor && !actor.CanContributeFor(ownerOrganisationId))
        {
            throw new ForbiddenException($"Only the people of the organisation that owns this work, or a convenor, can {action}.");
        }
    }

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid WorkstreamId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public Guid OwnerOrganisationId { get; set; }

    /// <summary>The person in the owning organisation who does it, if one is named.</summary>
    public Guid? OwnerPersonId { get; set; }
    public WorkItemStatus Status { get; set; }

    /// <summary>When the item came into its status, for the age a card shows.</summary>
    public DateTime StatusSinceUtc { get; set; }

    /// <summary>Why it is blocked; set only while it is.</summary>
    public string? BlockedReason { get; set; }

    /// <summary>Whose move it is while the item is blocked: the organisation that can unblock it.</summary>
    public Guid? BlockedOnOrganisationId { get; set; }
    public DateOnly? DueOn { get; set; }
    public WorkItemSize? Size { get; set; }

    /// <summary>The iteration the item is planned into; none while it waits in the backlog.</summary>
    public Guid? IterationId { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public List<WorkItemOrganisation> Contributors { get; init; } = [];
    public List<WorkItemChangeIdea> ChangeIdeas { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records of an item.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> names) => new SortedDictionary<string, string?>
    {
        ["Title"] = Title,
        ["Description"] = Description,
        ["Workstream"] = names.GetValueOrDefault(WorkstreamId, "?"),
        ["Owner"] = names.GetValueOrDefault(OwnerOrganisationId, "?"),
        ["Person"] = OwnerPersonId is { } person ? names.GetValueOrDefault(person, "?") : null,
        ["Status"] = Status.InWords(),
        ["Blocked because"] = BlockedReason,
        ["Whose move"] = BlockedOnOrganisationId is { } on ? names.GetValueOrDefault(on, "?") : null,
        ["Due"] = DueOn is { } due ? Prose.Date(due) : null,
        ["Size"] = Size?.InWords(),
        ["Contributors"] = string.Join(", ", Contributors.Select(c => names.GetValueOrDefault(c.OrganisationId, "?")).Order(StringComparer.Ordinal)),
        ["Change ideas"] = string.Join("; ", ChangeIdeas.Select(c => names.GetValueOrDefault(c.ChangeIdeaId, "?")).Order(StringComparer.Ordinal)),
    };
}

/// <summary>An organisation that contributes to an item it does not own.</summary>
public sealed class WorkItemOrganisation : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid WorkItemId { get; init; }
    public Guid OrganisationId { get; init; }
}

/// <summary>A change idea of a driver diagram that the item carries out.</summary>
public sealed class WorkItemChangeIdea : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid WorkItemId { get; init; }
    public Guid ChangeIdeaId { get; init; }
}

/// <summary>A remark on an item by anyone in a partner. Comments are never edited or removed: they are the item's history.</summary>
public sealed class WorkItemComment : ITenantOwned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid WorkItemId { get; init; }
    public required string Text { get; init; }
    public Guid? AuthorPersonId { get; init; }
    public required string AuthorName { get; init; }

    /// <summary>The organisation the author commented for, as it was named then.</summary>
    public string? AuthorOrganisation { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(WorkItem.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(WorkItem.DescriptionMaxLength);
        builder.Property(i => i.BlockedReason).HasMaxLength(WorkItem.BlockedReasonMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Size).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(i => i.SystemId);
        builder.HasOne<Workstream>().WithMany().HasForeignKey(i => i.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.BlockedOnOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(i => i.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Contributors).WithOne().HasForeignKey(c => c.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.ChangeIdeas).WithOne().HasForeignKey(c => c.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.SystemId, i.WorkstreamId, i.Status });
        builder.HasIndex(i => new { i.SystemId, i.OwnerOrganisationId });
        builder.HasOne<Iterations.Iteration>().WithMany().HasForeignKey(i => i.IterationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkItemOrganisationConfiguration : IEntityTypeConfiguration<WorkItemOrganisation>
{
    public void Configure(EntityTypeBuilder<WorkItemOrganisation> builder)
    {
        builder.HasKey(c => new { c.WorkItemId, c.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SystemId);
    }
}

internal sealed class WorkItemChangeIdeaConfiguration : IEntityTypeConfiguration<WorkItemChangeIdea>
{
    public void Configure(EntityTypeBuilder<WorkItemChangeIdea> builder)
    {
        builder.HasKey(c => new { c.WorkItemId, c.ChangeIdeaId });
        builder.HasOne<ChangeIdea>().WithMany().HasForeignKey(c => c.ChangeIdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.SystemId);
    }
}

internal sealed class WorkItemCommentConfiguration : IEntityTypeConfiguration<WorkItemComment>
{
    public void Configure(EntityTypeBuilder<WorkItemComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(WorkItemComment.TextMaxLength);
        builder.Property(c => c.AuthorName).HasMaxLength(200);
        builder.Property(c => c.AuthorOrganisation).HasMaxLength(Organisation.NameMaxLength);
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(c => c.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.WorkItemId, c.CreatedAtUtc });
        builder.HasIndex(c => c.SystemId);
    }
}
