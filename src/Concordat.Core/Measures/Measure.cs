using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Spc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Measures;

public enum MeasureFrequency
{
    Weekly,
    Monthly,
    Quarterly,
    Annual,
}

/// <summary>An indicator partners watch, analysed with statistical process control as Making Data Count does.</summary>
public sealed class Measure : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 200;
    public const int DefinitionMaxLength = 2000;
    public const int UnitMaxLength = 40;
    public const int SourceMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public required string Definition { get; set; }

    /// <summary>How values read: "%", "per 100,000", "attendances", "days".</summary>
    public required string Unit { get; set; }
    public MeasureFrequency Frequency { get; set; }
    public ImprovementDirection Improvement { get; set; }
    public double? Target { get; set; }
    public string? Source { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The data is stale when the newest period started longer ago than two periods and a grace month: a monthly
    /// measure whose last value is for a month more than three months ago has missed at least one publication.
    /// </summary>
    public bool IsStale(DateOnly newestPeriod, DateOnly today) => Frequency switch
    {
        MeasureFrequency.Weekly => newestPeriod.AddDays(7 * 2 + 14) < today,
        MeasureFrequency.Monthly => newestPeriod.AddMonths(3) < today,
        MeasureFrequency.Quarterly => newestPeriod.AddMonths(7) < today,
        _ => newestPeriod.AddMonths(25) < today,
    };
}

/// <summary>One period's value. Corrections replace the value; the audit trail keeps what it was.</summary>
public sealed class Observation : ITenantOwned
{
    public const int NoteMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid MeasureId { get; init; }

    /// <summary>The first day of the period; the measure's frequency says how long the period is.</summary>
    public DateOnly PeriodStart { get; init; }
    public double Value { get; set; }
    public string? Note { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedByName { get; set; }
}

/// <summary>A measure that shows whether a goal's outcome is moving.</summary>
public sealed class GoalMeasure : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public Guid MeasureId { get; init; }
}

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(Measure.NameMaxLength);
        builder.Property(m => m.Definition).HasMaxLength(Measure.DefinitionMaxLength);
        builder.Property(m => m.Unit).HasMaxLength(Measure.UnitMaxLength);
        builder.Property(m => m.Source).HasMaxLength(Measure.SourceMaxLength);
        builder.Property(m => m.Frequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Improvement).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(m => m.SystemId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.SystemId, m.Name });
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.Property(o => o.Note).HasMaxLength(Observation.NoteMaxLength);
        builder.Property(o => o.RecordedByName).HasMaxLength(200);
        builder.HasOne<Measure>().WithMany().HasForeignKey(o => o.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.MeasureId, o.PeriodStart }).IsUnique();
        builder.HasIndex(o => o.SystemId);
    }
}

internal sealed class GoalMeasureConfiguration : IEntityTypeConfiguration<GoalMeasure>
{
    public void Configure(EntityTypeBuilder<GoalMeasure> builder)
    {
        builder.HasKey(g => new { g.GoalId, g.MeasureId });
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Measure>().WithMany().HasForeignKey(g => g.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.SystemId);
    }
}
