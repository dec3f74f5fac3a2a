using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>
/// What one partner pays into a pooled fund. Only the partner's own leads set the amount that counts; the host may
/// propose one, which stays a proposal (counted nowhere) until the partner confirms it.
/// </summary>
public sealed class PooledFundContribution : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid PooledFundId { get; init; }
    public Guid OrganisationId { get; init; }

    /// <summary>What the partner has confirmed it pays in; 0 while only a proposal exists.</summary>
    public long AmountInPence { get; set; }
    public string? ConfirmedByName { get; set; }

    /// <summary>The host's proposal awaiting the partner's answer; null when there is none.</summary>
    public long? ProposedInPence { get; set; }
    public string? ProposedByName { get; set; }
}

internal sealed class PooledFundContributionConfiguration : IEntityTypeConfiguration<PooledFundContribution>
{
    public void Configure(EntityTypeBuilder<PooledFundContribution> builder)
    {
        builder.HasKey(c => new { c.PooledFundId, c.OrganisationId });
        builder.Property(c => c.ConfirmedByName).HasMaxLength(200);
        builder.Property(c => c.ProposedByName).HasMaxLength(200);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(c => c.PooledFundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SystemId);
    }
}
