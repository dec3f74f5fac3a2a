using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
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

    /// <summary>What it is within its kind, such as registered nursing (workforce) or capital (funding).</summary>
    public ResourceType Type { get; set; }

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

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(40);
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
