using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>
/// Part of a resource committed to a goal through a contribution, for a period. Commitments beyond the resource's
/// available capacity are refused unless a reason is recorded, and then flagged wherever they show.
/// </summary>
public sealed class ResourceCommitment : ITenantOwned
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid ContributionId { get; init; }
    public Guid ResourceId { get; init; }
    public double Quantity { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }

    /// <summary>Why the partners accept committing more than is available; null for an ordinary commitment.</summary>
    public string? OverCommitmentReason { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByName { get; init; }

    public bool Overlaps(DateOnly start, DateOnly end) => StartsOn <= end && start <= EndsOn;
}

internal sealed class ResourceCommitmentConfiguration : IEntityTypeConfiguration<ResourceCommitment>
{
    public void Configure(EntityTypeBuilder<ResourceCommitment> builder)
    {
        builder.Property(c => c.OverCommitmentReason).HasMaxLength(ResourceCommitment.ReasonMaxLength);
        builder.Property(c => c.CreatedByName).HasMaxLength(200);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(c => c.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resource>().WithMany().HasForeignKey(c => c.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ResourceId);
        builder.HasIndex(c => c.SystemId);
    }
}
