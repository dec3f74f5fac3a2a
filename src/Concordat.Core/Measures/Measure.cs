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

/// <summary>The type of a measure's periods: how long each is, where it starts and how it is written (see <see cref="Period"/>).</summary>
public enum MeasureFrequency
{
    /// <summary>Weeks from Monday.</summary>
    Weekly,
    Monthly,

    /// <summary>Calendar quarters: 2024 Q1 is January to March 2024.</summary>
    Quarterly,

    /// <summary>Calendar years: 2024.</summary>
    Annual,

    /// <summary>Financial quarters: 2024/25 Q1 is April to June 2024.</summary>
    FinancialQuarter,

    /// <summary>Financial years from 1 April: 2024/25.</summary>
    FinancialYear,

    /// <summary>Academic years from 1 September: 2024/25.</summary>
    AcademicYear,

    /// <summary>Rolling pools of <see cref="Measure.PoolYears"/> calendar years, a year apart: 2019 - 21, 2020 - 22.</summary>
    PooledYears,
}

/// <summary>How often a measure's data is published.</summary>
public enum ReleaseCadence
{
    Weekly,
    Monthly,
    Quarterly,
    Annual,
}

/// <summary>The unit of the lag between the end of a period and the publication of its data.</summary>
public enum LagUnit
{
    Days,
    Weeks,
    Months,
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
    public const int RelativeTargetReferenceMaxLength = 100;

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

    /// <summary>The length of each pool for <see cref="MeasureFrequency.PooledYears"/>, like 3 for 2019 - 21; null for every other type.</summary>
    public int? PoolYears { get; set; }

    /// <summary>How often the data is published; null means once a period (a year for pooled years).</summary>
    public ReleaseCadence? ReleasedEvery { get; set; }

    /// <summary>How long after a period (or a release's last period) ends its data is published, in <see cref="ReleaseLagUnit"/>; null means the usual lag.</summary>
    public int? ReleaseLag { get; set; }
    public LagUnit ReleaseLagUnit { get; set; } = LagUnit.Months;

    /// <summary>A target agreed relative to a baseline; its trajectory is worked out from the data when read (see <see cref="RelativeTarget"/>).</summary>
    public RelativeTargetKind? RelativeTargetKind { get; set; }

    /// <summary>The change (an amount, or a percentage of the baseline) or the value to reach.</summary>
    public double? RelativeTargetAmount { get; set; }

    /// <summary>What the value to reach is, like "the England average"; only for <see cref="Measures.RelativeTargetKind.Reach"/>.</summary>
    public string? RelativeTargetReference { get; set; }
    public DateOnly? RelativeTargetBaseline { get; set; }
    public DateOnly? RelativeTargetBy { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    [NotMapped]
    public RelativeTarget? RelativeTarget =>
        RelativeTargetKind is { } kind && RelativeTargetAmount is { } amount && RelativeTargetBaseline is { } baseline && RelativeTargetBy is { } by
            ? new RelativeTarget(kind, amount, RelativeTargetReference, baseline, by) : null;

    public static ReleaseCadence UsualCadence(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Weekly => ReleaseCadence.Weekly,
        MeasureFrequency.Monthly => ReleaseCadence.Monthly,
        MeasureFrequency.Quarterly or MeasureFrequency.FinancialQuarter => ReleaseCadence.Quarterly,
        _ => ReleaseCadence.Annual,
    };

    /// <summary>
    /// The usual lag when none is set: two weeks for weekly data, two months for monthly, three for quarterly, a year
    /// for yearly and 18 months for pooled years, as public health indicators are published.
    /// </summary>
    public static (int Amount, LagUnit Unit) UsualLag(MeasureFrequency frequency) => frequency switch
    {
        MeasureFrequency.Weekly => (2, LagUnit.Weeks),
        MeasureFrequency.Monthly => (2, LagUnit.Months),
        MeasureFrequency.Quarterly or MeasureFrequency.FinancialQuarter => (3, LagUnit.Months),
        MeasureFrequency.PooledYears => (18, LagUnit.Months),
        _ => (12, LagUnit.Months),
    };

    [NotMapped]
    public ReleaseCadence EffectiveCadence => ReleasedEvery ?? UsualCadence(Frequency);

    [NotMapped]
    public (int Amount, LagUnit Unit) EffectiveLag => ReleaseLag is { } lag ? (lag, ReleaseLagUnit) : UsualLag(Frequency);

    /// <summary>Out of date when the release that should carry the period after the newest has passed.</summary>
    public bool IsStale(DateOnly newestPeriod, DateOnly today) => NextReleaseExpectedBy(newestPeriod) < today;

    /// <summary>
    /// The day by which the release carrying the period after <paramref name="newestPeriod"/> is expected: the end of
    /// the release's window (that period's week, month, quarter or year, by the cadence) plus the lag.
    /// </summary>
    public DateOnly NextReleaseExpectedBy(DateOnly newestPeriod)
    {
        var next = Period.Of(this, newestPeriod).Next.End;
        var windowEnd = EffectiveCadence switch
        {
            ReleaseCadence.Weekly => next.AddDays((7 - (int)next.DayOfWeek) % 7),
            ReleaseCadence.Monthly => new DateOnly(next.Year, next.Month, 1).AddMonths(1).AddDays(-1),
            ReleaseCadence.Quarterly => new DateOnly(next.Year, ((next.Month - 1) / 3 * 3) + 1, 1).AddMonths(3).AddDays(-1),
            _ => YearEndAfter(next),
        };
        var (amount, unit) = EffectiveLag;
        return unit switch
        {
            LagUnit.Days => windowEnd.AddDays(amount),
            LagUnit.Weeks => windowEnd.AddDays(7 * amount),
            // From a month's end to a month's end: 31 December and 18 months is 30 June.
            _ when windowEnd.AddDays(1).Day == 1 => windowEnd.AddDays(1).AddMonths(amount).AddDays(-1),
            _ => windowEnd.AddMonths(amount),
        };
    }

    /// <summary>The last day of the measure's kind of year (calendar, financial or academic) that holds <paramref name="date"/>.</summary>
    private DateOnly YearEndAfter(DateOnly date)
    {
        var startMonth = Frequency switch
        {
            MeasureFrequency.FinancialQuarter or MeasureFrequency.FinancialYear => 4,
            MeasureFrequency.AcademicYear => 9,
            _ => 1,
        };
        var start = new DateOnly(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth, 1);
        return start.AddYears(1).AddDays(-1);
    }

    /// <summary>Leads of the organisation that owns the data (or its delegate) define the measure and its recalculation points.</summary>
    public void RequireSteward(Actor actor, string action)
    {
        actor.RequireActingFor(OwnerOrganisationId, Partnerships.DelegatedCapability.MeasureData,
            $"Only a lead of the organisation that owns the data, or someone it delegated its measures to, can {action}.", leadsOnly: true);
    }

    /// <summary>The last day of the period that starts on <paramref name="periodStart"/>.</summary>
    public DateOnly PeriodEnd(DateOnly periodStart) => Period.Of(this, periodStart).End;

    /// <summary>The period that starts on <paramref name="periodStart"/> as published: "April 2026", "2019 - 21".</summary>
    public string PeriodInWords(DateOnly periodStart) => Period.Of(this, periodStart).ToString();

    /// <summary>Why a date cannot start one of this measure's periods, or null when it can.</summary>
    public string? PeriodProblem(DateOnly periodStart) => Period.StartProblem(Frequency, periodStart);

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
        builder.Property(m => m.ReleasedEvery).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ReleaseLagUnit).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.RelativeTargetKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.RelativeTargetReference).HasMaxLength(Measure.RelativeTargetReferenceMaxLength);
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
