using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Goals;

/// <summary>
/// One organisation's view of a goal, in its own words, so partners can see the goal through each other's eyes.
/// </summary>
public sealed class Perspective : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public Guid OrganisationId { get; init; }
    public string? WhatItMeans { get; set; }
    public string? WhatWeNeed { get; set; }
    public string? WhatWorriesUs { get; set; }
    public Guid UpdatedByPersonId { get; set; }
    public required string UpdatedByName { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyDictionary<string, string?> Snapshot(string organisation) => new SortedDictionary<string, string?>
    {
        ["Organisation"] = organisation,
        ["What this goal means for us"] = WhatItMeans,
        ["What we need from partners"] = WhatWeNeed,
        ["What worries us"] = WhatWorriesUs,
    };
}

internal sealed class PerspectiveConfiguration : IEntityTypeConfiguration<Perspective>
{
    public void Configure(EntityTypeBuilder<Perspective> builder)
    {
        builder.Property(p => p.WhatItMeans).HasMaxLength(Perspective.TextMaxLength);
        builder.Property(p => p.WhatWeNeed).HasMaxLength(Perspective.TextMaxLength);
        builder.Property(p => p.WhatWorriesUs).HasMaxLength(Perspective.TextMaxLength);
        builder.Property(p => p.UpdatedByName).HasMaxLength(200);
        builder.HasOne<Goal>().WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.GoalId, p.OrganisationId }).IsUnique();
        builder.HasIndex(p => p.SystemId);
    }
}
