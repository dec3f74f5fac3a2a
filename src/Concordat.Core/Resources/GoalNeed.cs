using Concordat.Core.Data;
using Concordat.Core.Goals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>
/// What a goal says it needs of one kind of resource, for a period. It is met only by accepted commitments of the
/// types it names (usually one; several when the partners say so, like "community nurses or therapists"), in its
/// unit, on every day of its period.
/// </summary>
public sealed class GoalNeed : ITenantOwned
{
    public const int DescriptionMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public ResourceKind Kind { get; init; }
    public List<ResourceType> Types { get; init; } = [];
    public required string Description { get; init; }
    public double Quantity { get; init; }
    public required string Unit { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
}

internal sealed class GoalNeedConfiguration : IEntityTypeConfiguration<GoalNeed>
{
    public void Configure(EntityTypeBuilder<GoalNeed> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.PrimitiveCollection(n => n.Types).ElementType().HasConversion<string>();
        builder.Property(n => n.Description).HasMaxLength(GoalNeed.DescriptionMaxLength);
        builder.Property(n => n.Unit).HasMaxLength(Resource.UnitMaxLength);
        builder.HasOne<Goal>().WithMany().HasForeignKey(n => n.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.SystemId);
    }
}
