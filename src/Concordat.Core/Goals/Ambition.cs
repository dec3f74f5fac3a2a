using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Goals;

/// <summary>
/// An outcome the strategy seeks for the population, often by stage of life ("Start well", "Live well", "Age well"). Shared
/// goals sit under ambitions; convenors keep the ambitions and the order in which they and their goals are read.
/// </summary>
public sealed class Ambition : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Where the ambition comes in the strategy, first at 0.</summary>
    public int Position { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records of an ambition.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => new SortedDictionary<string, string?>
    {
        ["Title"] = Title,
        ["Description"] = Description,
    };
}

internal sealed class AmbitionConfiguration : IEntityTypeConfiguration<Ambition>
{
    public void Configure(EntityTypeBuilder<Ambition> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Ambition.TitleMaxLength);
        builder.Property(a => a.Description).HasMaxLength(Ambition.DescriptionMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(a => a.SystemId);
        builder.HasIndex(a => new { a.SystemId, a.Title }).IsUnique();
    }
}
