using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Contributions;

/// <summary>
/// Where a contribution stands. Proposed by the organisation, agreed by a convenor or the goal's lead
/// organisation; varied terms keep the previous ones in the history; withdrawn ends it.
/// </summary>
public enum ContributionStatus
{
    Proposed,
    Agreed,
    Varied,
    Withdrawn,
}

public enum CheckInStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
    Complete,
}

/// <summary>The words people read for where a contribution and a check-in stand.</summary>
public static class ContributionWords
{
    public static string InWords(this ContributionStatus status) => status switch
    {
        ContributionStatus.Proposed => "Proposed",
        ContributionStatus.Agreed => "Agreed",
        ContributionStatus.Varied => "Varied",
        ContributionStatus.Withdrawn => "Withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string InWords(this CheckInStatus status) => status switch
    {
        CheckInStatus.OnTrack => "On track",
        CheckInStatus.AtRisk => "At risk",
        CheckInStatus.OffTrack => "Off track",
        CheckInStatus.Complete => "Complete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>What one organisation commits to do for a goal.</summary>
public sealed class Contribution : ITenantOwned, IVersioned
{
    public const int CommitmentMaxLength = 2000;
    public const int ActionsMaxLength = 4000;
    public const int PersonMaxLength = 120;
    public const int DecisionMaxLength = 300;
    public const int DefaultCadenceDays = 31;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Commitment { get; set; }
    public string? Actions { get; set; }
    public DateOnly DueOn { get; set; }
    public required string AccountablePerson { get; set; }

    /// <summary>Who acknowledges check-ins: the goal's senior responsible owner unless named otherwise.</summary>
    public required string Reviewer { get; set; }

    /// <summary>A check-in is expected at least this often; longer without one shows the contribution as overdue.</summary>
    public int CheckInCadenceDays { get; set; } = DefaultCadenceDays;
    public ContributionStatus Status { get; set; }

    /// <summary>The organisation's own decision behind the latest step (forum and date, or delegated authority).</summary>
    public string? Decision { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime StatusChangedAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActive => Status is ContributionStatus.Agreed or ContributionStatus.Varied;

    public IReadOnlyDictionary<string, string?> Snapshot(string organisation) => new SortedDictionary<string, string?>
    {
        ["Organisation"] = organisation,
        ["Commitment"] = Commitment,
        ["Actions"] = Actions,
        ["Due"] = Prose.Date(DueOn),
        ["Accountable person"] = AccountablePerson,
        ["Reviewer"] = Reviewer,
        ["Check-in every (days)"] = Prose.Number(CheckInCadenceDays),
        ["Status"] = Status.InWords(),
        ["Decision"] = Decision,
    };
}

/// <summary>A progress report on a contribution, acknowledged by its named reviewer.</summary>
public sealed class CheckIn : ITenantOwned
{
    public const int NarrativeMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid ContributionId { get; init; }
    public CheckInStatus Status { get; init; }

    /// <summary>How confident the organisation is of delivering, 0 (not at all) to 10 (certain).</summary>
    public int Confidence { get; init; }
    public string? Narrative { get; init; }
    public Guid PostedByPersonId { get; init; }
    public required string PostedByName { get; init; }
    public DateTime PostedAtUtc { get; init; }
    public string? AcknowledgedByName { get; set; }

    /// <summary>A concurrency token too: two reviewers acknowledging at once cannot both succeed.</summary>
    [ConcurrencyCheck]
    public DateTime? AcknowledgedAtUtc { get; set; }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> builder)
    {
        builder.Property(c => c.Commitment).HasMaxLength(Contribution.CommitmentMaxLength);
        builder.Property(c => c.Actions).HasMaxLength(Contribution.ActionsMaxLength);
        builder.Property(c => c.AccountablePerson).HasMaxLength(Contribution.PersonMaxLength);
        builder.Property(c => c.Reviewer).HasMaxLength(Contribution.PersonMaxLength);
        builder.Property(c => c.Decision).HasMaxLength(Contribution.DecisionMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Goal>().WithMany().HasForeignKey(c => c.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SystemId, c.GoalId });
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("CheckIns");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Narrative).HasMaxLength(CheckIn.NarrativeMaxLength);
        builder.Property(c => c.PostedByName).HasMaxLength(200);
        builder.Property(c => c.AcknowledgedByName).HasMaxLength(200);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(c => c.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ContributionId, c.PostedAtUtc });
        builder.HasIndex(c => c.SystemId);
    }
}
