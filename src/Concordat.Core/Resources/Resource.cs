using System.ComponentModel.DataAnnotations;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Resources;

/// <summary>The six kinds of resource partners pool, as the ICS guidance names them.</summary>
public enum ResourceKind
{
    Workforce,
    Estates,
    Technology,
    Information,
    CommunityAssets,
    Funding,
}

/// <summary>
/// Something a partner organisation has that the partnership could use: a staff group, a building, a system's
/// licences, a data set, a community asset, or money. Quantity is what there is; available capacity is how much of
/// it the organisation offers to the partnership, in the same unit.
/// </summary>
public sealed class Resource : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 200;
    public const int UnitMaxLength = 40;
    public const int TextMaxLength = 300;
    public const int PostcodeMaxLength = 10;
    public const int FinancialYearMaxLength = 7;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid OrganisationId { get; set; }
    public ResourceKind Kind { get; set; }

    /// <summary>The staff group, site, system, data set, service or fund.</summary>
    public required string Name { get; set; }
    public double Quantity { get; set; }

    /// <summary>WTE, m², seats, hours a week, £...</summary>
    public required string Unit { get; set; }
    public double AvailableCapacity { get; set; }
    public Guid? PlaceId { get; set; }
    public required string Contact { get; set; }
    public string? Notes { get; set; }

    // Estates
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? OpeningHours { get; set; }

    // Information
    public string? DataOwner { get; set; }
    public bool? HasDataSharingAgreement { get; set; }

    // Funding
    public string? FundingSource { get; set; }

    /// <summary>Like 2026/27.</summary>
    public string? FinancialYear { get; set; }
    public bool? IsRecurrent { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

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

/// <summary>What a goal says it needs of one kind of resource, for a period.</summary>
public sealed class GoalNeed : ITenantOwned
{
    public const int DescriptionMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public ResourceKind Kind { get; init; }
    public required string Description { get; init; }
    public double Quantity { get; init; }
    public required string Unit { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
}

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

/// <summary>What one partner pays into a pooled fund.</summary>
public sealed class PooledFundContribution : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid PooledFundId { get; init; }
    public Guid OrganisationId { get; init; }
    public decimal Amount { get; set; }
}

/// <summary>A scheme the pooled fund pays for, and the goals it serves.</summary>
public sealed class PooledFundScheme : ITenantOwned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid PooledFundId { get; init; }
    public required string Name { get; set; }
    public decimal Amount { get; set; }
}

public sealed class PooledFundSchemeGoal : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid SchemeId { get; init; }
    public Guid GoalId { get; init; }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(Resource.NameMaxLength);
        builder.Property(r => r.Unit).HasMaxLength(Resource.UnitMaxLength);
        builder.Property(r => r.Contact).HasMaxLength(Resource.TextMaxLength);
        builder.Property(r => r.Notes).HasMaxLength(Resource.TextMaxLength);
        builder.Property(r => r.Address).HasMaxLength(Resource.TextMaxLength);
        builder.Property(r => r.Postcode).HasMaxLength(Resource.PostcodeMaxLength);
        builder.Property(r => r.OpeningHours).HasMaxLength(Resource.TextMaxLength);
        builder.Property(r => r.DataOwner).HasMaxLength(Resource.TextMaxLength);
        builder.Property(r => r.FundingSource).HasMaxLength(Resource.TextMaxLength);
        builder.Property(r => r.FinancialYear).HasMaxLength(Resource.FinancialYearMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(r => r.SystemId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Place>().WithMany().HasForeignKey(r => r.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SystemId, r.Kind });
        builder.HasIndex(r => r.OrganisationId);
    }
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

internal sealed class GoalNeedConfiguration : IEntityTypeConfiguration<GoalNeed>
{
    public void Configure(EntityTypeBuilder<GoalNeed> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Description).HasMaxLength(GoalNeed.DescriptionMaxLength);
        builder.Property(n => n.Unit).HasMaxLength(Resource.UnitMaxLength);
        builder.HasOne<Goal>().WithMany().HasForeignKey(n => n.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.SystemId);
    }
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

internal sealed class PooledFundContributionConfiguration : IEntityTypeConfiguration<PooledFundContribution>
{
    public void Configure(EntityTypeBuilder<PooledFundContribution> builder)
    {
        builder.HasKey(c => new { c.PooledFundId, c.OrganisationId });
        builder.Property(c => c.Amount).HasPrecision(14, 2);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(c => c.PooledFundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.SystemId);
    }
}

internal sealed class PooledFundSchemeConfiguration : IEntityTypeConfiguration<PooledFundScheme>
{
    public void Configure(EntityTypeBuilder<PooledFundScheme> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(PooledFundScheme.NameMaxLength);
        builder.Property(s => s.Amount).HasPrecision(14, 2);
        builder.HasOne<PooledFund>().WithMany().HasForeignKey(s => s.PooledFundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.SystemId);
    }
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
