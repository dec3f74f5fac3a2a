using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using Concordat.Core.Access;
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

/// <summary>How values are shown, and which values are possible at all.</summary>
public enum MeasureFormat
{
    /// <summary>Any number, negative included.</summary>
    Number,

    /// <summary>0 to 100.</summary>
    Percentage,

    /// <summary>A rate per population, like per 100,000: not negative.</summary>
    Rate,

    /// <summary>A count of people or events: not negative.</summary>
    Count,

    /// <summary>A duration in days: not negative.</summary>
    Days,
}

public enum MeasureSourceKind
{
    Local,
    Fingertips,
    NhsEngland,
}

/// <summary>The population the measure describes.</summary>
public enum MeasureGeography
{
    System,
    Place,
    Organisation,

    /// <summary>An ONS or ODS area code, like E38000014 or RF4.</summary>
    Area,
}

/// <summary>An indicator partners watch, analysed with statistical process control as Making Data Count does.</summary>
public sealed class Measure : ITenantOwned, IVersioned
{
    /// <summary>The owner's leads and contributors record and import a measure's data, or someone the owner delegated its measures to.</summary>
    public static void RequireDataContributor(Actor actor, Guid ownerOrganisationId, string action)
    {
        actor.RequireActingFor(ownerOrganisationId, Partnerships.DelegatedCapability.MeasureData,
            $"Only the organisation that owns the data, or someone it delegated its measures to, can {action}.");
    }

    public const int NameMaxLength = 200;
    public const int DefinitionMaxLength = 2000;
    public const int UnitMaxLength = 40;
    public const int SourceMaxLength = 300;
    public const int AreaCodeMaxLength = 12;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public required string Definition { get; set; }

    /// <summary>How values read: "%", "per 100,000", "attendances", "days".</summary>
    public required string Unit { get; set; }
    public MeasureFrequency Frequency { get; set; }
    public MeasureFormat Format { get; set; }
    public ImprovementDirection Improvement { get; set; }

    /// <summary>A single target; the SPC assurance icon reads the data against it.</summary>
    public double? Target { get; set; }
    public MeasureSourceKind SourceKind { get; set; }

    /// <summary>Where the data comes from: a Fingertips indicator id, an NHS England statistic's name, or a local note.</summary>
    public string? Source { get; set; }
    public MeasureGeography Geography { get; set; }
    public Guid? PlaceId { get; set; }
    public Guid? GeographyOrganisationId { get; set; }
    public string? AreaCode { get; set; }
    public Guid OwnerOrganisationId { get; set; }

    /// <summary>Days after a period ends by which the next value is expected; null means the frequency's usual lag.</summary>
    public int? StaleAfterDays { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The usual lag when none is set: long enough for one publication to be missed before the data counts as out of
    /// date (a monthly measure is stale when its newest month ended more than two months ago).
    /// </summary>
    public static int DefaultStaleAfterDays(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Weekly => 21,
        MeasureFrequency.Monthly => 62,
        MeasureFrequency.Quarterly => 123,
        _ => 396,
    };

    [NotMapped]
    public int EffectiveStaleAfterDays => StaleAfterDays ?? DefaultStaleAfterDays(Frequency);

    public bool IsStale(DateOnly newestPeriod, DateOnly today) => NextValueDueBy(newestPeriod) < today;

    /// <summary>The last day on which the value after <paramref name="newestPeriod"/> can arrive before the data counts as out of date.</summary>
    public DateOnly NextValueDueBy(DateOnly newestPeriod) => PeriodEnd(newestPeriod).AddDays(EffectiveStaleAfterDays);

    /// <summary>Leads of the organisation that owns the data (or its delegate) define the measure and its recalculation points.</summary>
    public void RequireSteward(Actor actor, string action)
    {
        actor.RequireActingFor(OwnerOrganisationId, Partnerships.DelegatedCapability.MeasureData,
            $"Only a lead of the organisation that owns the data, or someone it delegated its measures to, can {action}.", leadsOnly: true);
    }

    /// <summary>The last day of the period that starts on <paramref name="periodStart"/>.</summary>
    public DateOnly PeriodEnd(DateOnly periodStart) => Frequency switch
    {
        MeasureFrequency.Weekly => periodStart.AddDays(6),
        MeasureFrequency.Monthly => periodStart.AddMonths(1).AddDays(-1),
        MeasureFrequency.Quarterly => periodStart.AddMonths(3).AddDays(-1),
        _ => periodStart.AddYears(1).AddDays(-1),
    };

    /// <summary>Why a date cannot start one of this measure's periods, or null when it can.</summary>
    public string? PeriodProblem(DateOnly periodStart) => Frequency == MeasureFrequency.Weekly
        ? periodStart.DayOfWeek == DayOfWeek.Monday ? null : "A weekly period starts on a Monday"
        : periodStart.Day == 1 ? null : "A period starts on the first day of a month, like 2026-04-01";

    /// <summary>Why a value is impossible for this measure's format, or null when it is possible.</summary>
    public string? ValueProblem(double value) => Format switch
    {
        _ when !double.IsFinite(value) => "must be a number",
        MeasureFormat.Percentage when value is < 0 or > 100 => "must be a percentage from 0 to 100",
        MeasureFormat.Rate or MeasureFormat.Count or MeasureFormat.Days when value < 0 => $"cannot be negative for {Format.WithArticle()}",
        _ => null,
    };
}

/// <summary>
/// A point from which the process is expected to behave differently (a new pathway, a changed definition): the SPC
/// analysis starts new limits there.
/// </summary>
public sealed class MeasureRebase : ITenantOwned
{
    public const int ReasonMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid MeasureId { get; init; }
    public DateOnly PeriodStart { get; init; }
    public required string Reason { get; set; }
}

/// <summary>The value planned for one period: a target that changes over time (a trajectory).</summary>
public sealed class TrajectoryPoint : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid MeasureId { get; init; }
    public DateOnly PeriodStart { get; init; }
    public double Value { get; set; }
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

    /// <summary>The numerator, for a rate or a percentage.</summary>
    public double? Count { get; set; }
    public double? Denominator { get; set; }
    public double? LowerCi { get; set; }
    public double? UpperCi { get; set; }
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
        builder.Property(m => m.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.SourceKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Geography).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AreaCode).HasMaxLength(Measure.AreaCodeMaxLength);
        builder.HasOne<Place>().WithMany().HasForeignKey(m => m.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.GeographyOrganisationId).OnDelete(DeleteBehavior.Restrict);
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

internal sealed class MeasureRebaseConfiguration : IEntityTypeConfiguration<MeasureRebase>
{
    public void Configure(EntityTypeBuilder<MeasureRebase> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(MeasureRebase.ReasonMaxLength);
        builder.HasOne<Measure>().WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MeasureId, r.PeriodStart }).IsUnique();
        builder.HasIndex(r => r.SystemId);
    }
}

internal sealed class TrajectoryPointConfiguration : IEntityTypeConfiguration<TrajectoryPoint>
{
    public void Configure(EntityTypeBuilder<TrajectoryPoint> builder)
    {
        builder.HasKey(t => new { t.MeasureId, t.PeriodStart });
        builder.HasOne<Measure>().WithMany().HasForeignKey(t => t.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.SystemId);
    }
}

/// <summary>
/// An uploaded file's validated rows, kept between the preview and the person's confirmation so the file need not
/// be sent twice. Confirmed or abandoned uploads are deleted.
/// </summary>
public sealed class ObservationUpload : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid MeasureId { get; init; }
    public Guid? PersonId { get; init; }
    public required string FileName { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>The rows in the simple CSV layout, already validated.</summary>
    public required string Rows { get; init; }
}

internal sealed class ObservationUploadConfiguration : IEntityTypeConfiguration<ObservationUpload>
{
    public void Configure(EntityTypeBuilder<ObservationUpload> builder)
    {
        builder.Property(u => u.FileName).HasMaxLength(260);
        builder.HasOne<Measure>().WithMany().HasForeignKey(u => u.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.SystemId);
    }
}
