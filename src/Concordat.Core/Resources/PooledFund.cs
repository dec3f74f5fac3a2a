using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

public enum PooledFundType
{
    /// <summary>A pooled budget under section 75 of the NHS Act 2006.</summary>
    Section75,

    /// <summary>The Better Care Fund, itself a section 75 pool with national conditions.</summary>
    BetterCareFund,
}

/// <summary>A pooled budget: a host organisation holds it, partners pay in, and schemes spend it on goals.</summary>
public sealed class PooledFund : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public PooledFundType Type { get; set; }
    public Guid HostOrganisationId { get; set; }
    public required string PoolManager { get; set; }
    public required string FinancialYear { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class PooledFundConfiguration : IEntityTypeConfiguration<PooledFund>
{
    public void Configure(EntityTypeBuilder<PooledFund> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(PooledFund.NameMaxLength);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.PoolManager).HasMaxLength(Resource.TextMaxLength);
        builder.Property(f => f.FinancialYear).HasMaxLength(Resource.FinancialYearMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(f => f.SystemId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.HostOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
