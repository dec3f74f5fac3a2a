using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.National;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Asks;

/// <summary>
/// A national body's name for the same change asked by several systems ("pooling discharge funding"). It links their
/// asks without merging them: each system keeps its own ask and its own words. It belongs to the body, outside every
/// system; a response given to it reaches each linked ask as that ask's own iteration.
/// </summary>
public sealed class NationalTheme : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int DefaultResponseDueAtSystems = 3;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid NationalBodyId { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>How many systems must be behind the theme for a national response to be due.</summary>
    public int ResponseDueAtSystems { get; set; } = DefaultResponseDueAtSystems;
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByName { get; init; }
    public List<ThemeAsk> Asks { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>An ask linked to a theme, by a national partner of the body the ask is addressed to.</summary>
public sealed class ThemeAsk
{
    public Guid ThemeId { get; init; }
    public Guid AskId { get; init; }
    public DateTime LinkedAtUtc { get; init; }
    public required string LinkedByName { get; init; }
}

internal sealed class NationalThemeConfiguration : IEntityTypeConfiguration<NationalTheme>
{
    public void Configure(EntityTypeBuilder<NationalTheme> builder)
    {
        builder.ToTable("NationalThemes");
        builder.Property(t => t.Title).HasMaxLength(NationalTheme.TitleMaxLength);
        builder.Property(t => t.Description).HasMaxLength(NationalTheme.DescriptionMaxLength);
        builder.Property(t => t.CreatedByName).HasMaxLength(People.Person.DisplayNameMaxLength);
        builder.HasOne<NationalBody>().WithMany().HasForeignKey(t => t.NationalBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Asks).WithOne().HasForeignKey(a => a.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.NationalBodyId);
    }
}

internal sealed class ThemeAskConfiguration : IEntityTypeConfiguration<ThemeAsk>
{
    public void Configure(EntityTypeBuilder<ThemeAsk> builder)
    {
        builder.ToTable("ThemeAsks");
        builder.HasKey(l => new { l.ThemeId, l.AskId });
        builder.Property(l => l.LinkedByName).HasMaxLength(People.Person.DisplayNameMaxLength);
        builder.HasOne<Ask>().WithMany().HasForeignKey(l => l.AskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.AskId);
    }
}
