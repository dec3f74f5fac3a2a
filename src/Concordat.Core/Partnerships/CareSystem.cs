using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>An integrated care system: the tenant. Everything partners share lives inside one system.</summary>
public sealed class CareSystem : IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Whether the latest published strategy version may be read by anyone, without signing in.</summary>
    public bool StrategyIsPublic { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CareSystemConfiguration : IEntityTypeConfiguration<CareSystem>
{
    public void Configure(EntityTypeBuilder<CareSystem> builder)
    {
        builder.ToTable("Systems");
        builder.Property(s => s.Name).HasMaxLength(CareSystem.NameMaxLength);
        // The service refuses a name that differs only in case; the index settles two saves of one name at once.
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
