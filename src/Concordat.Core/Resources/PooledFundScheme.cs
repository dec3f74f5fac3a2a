using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>A scheme the pooled fund pays for, and the goals it serves.</summary>
public sealed class PooledFundScheme : ITenantOwned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid PooledFundId { get; init; }
    public required string Name { get; set; }
    public long AmountInPence { get; set; }
}

internal sealed class PooledFundSchemeConfiguration : IEntityTypeConfiguration<PooledFundScheme>
{
    public void Configure(EntityTypeBuilder<PooledFundScheme> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(PooledFundScheme.NameMaxLength);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(s => s.PooledFundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SystemId);
    }
}
