using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>What one partner pays into a pooled fund.</summary>
public sealed class PooledFundContribution : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid PooledFundId { get; init; }
    public Guid OrganisationId { get; init; }
    public long AmountInPence { get; set; }
}

internal sealed class PooledFundContributionConfiguration : IEntityTypeConfiguration<PooledFundContribution>
{
    public void Configure(EntityTypeBuilder<PooledFundContribution> builder)
    {
        builder.HasKey(c => new { c.PooledFundId, c.OrganisationId });
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(c => c.PooledFundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SystemId);
    }
}
