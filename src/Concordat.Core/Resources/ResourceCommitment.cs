using System.ComponentModel.DataAnnotations;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>
/// Where a commitment stands. Committing an organisation's own resource is accepted at once; committing another
/// partner's resource is only a request until a lead of the owning organisation accepts it. Only accepted
/// commitments count anywhere: capacity, the pooled views, needs and the health check.
/// </summary>
public enum CommitmentStatus
{
    Requested,
    Accepted,
    Declined,
}

/// <summary>
/// Part of a resource committed to a goal through a contribution, for a period. Commitments beyond the resource's
/// available capacity are refused unless a lead of the resource's owner records a reason, and then flagged wherever
/// they show.
/// </summary>
public sealed class ResourceCommitment : ITenantOwned, IVersioned
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid ContributionId { get; init; }
    public Guid ResourceId { get; init; }
    public CommitmentStatus Status { get; set; }

    /// <summary>What counts once accepted: the owner may accept less than was asked, or for a shorter period.</summary>
    public double Quantity { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>What the contributing organisation asked for; equal to the accepted amount and period unless the owner gave less.</summary>
    public double RequestedQuantity { get; init; }
    public DateOnly RequestedStartsOn { get; init; }
    public DateOnly RequestedEndsOn { get; init; }

    /// <summary>Why the owner accepts committing more than is available; null for an ordinary commitment.</summary>
    public string? OverCommitmentReason { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByName { get; init; }

    /// <summary>When and by whom the owner accepted or declined; null while requested, and for an owner's own commitment.</summary>
    public DateTime? AnsweredAtUtc { get; set; }
    public string? AnsweredByName { get; set; }
    public string? DeclineReason { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool Overlaps(DateOnly start, DateOnly end) => StartsOn <= end && start <= EndsOn;

    public bool IsReducedFromRequest => Quantity != RequestedQuantity || StartsOn != RequestedStartsOn || EndsOn != RequestedEndsOn;
}

internal sealed class ResourceCommitmentConfiguration : IEntityTypeConfiguration<ResourceCommitment>
{
    public void Configure(EntityTypeBuilder<ResourceCommitment> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OverCommitmentReason).HasMaxLength(ResourceCommitment.ReasonMaxLength);
        builder.Property(c => c.DeclineReason).HasMaxLength(ResourceCommitment.ReasonMaxLength);
        builder.Property(c => c.CreatedByName).HasMaxLength(200);
        builder.Property(c => c.AnsweredByName).HasMaxLength(200);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(c => c.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resource>().WithMany().HasForeignKey(c => c.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ResourceId, c.Status });
        builder.HasIndex(c => c.SystemId);
    }
}
