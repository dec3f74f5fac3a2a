using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>A place-based partnership within a system (usually a local authority footprint).</summary>
public sealed class Place : ITenantOwned
{
    public const int NameMaxLength = 120;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(p => p.SystemId);
        builder.HasIndex(p => new { p.SystemId, p.Name }).IsUnique();
    }
}
