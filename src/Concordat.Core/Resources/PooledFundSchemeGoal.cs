using Concordat.Core.Data;
using Concordat.Core.Goals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>One goal a pooled fund's scheme serves.</summary>
public sealed class PooledFundSchemeGoal : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid SchemeId { get; init; }
    public Guid GoalId { get; init; }
}

internal sealed class PooledFundSchemeGoalConfiguration : IEntityTypeConfiguration<PooledFundSchemeGoal>
{
    public void Configure(EntityTypeBuilder<PooledFundSchemeGoal> builder)
    {
        builder.HasKey(g => new { g.SchemeId, g.GoalId });
        builder.HasOne<PooledFundScheme>().WithMany().HasForeignKey(g => g.SchemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.SystemId);
    }
}
