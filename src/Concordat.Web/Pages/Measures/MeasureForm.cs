using System.Globalization;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Concordat.Core.Partnerships;
using Concordat.Spc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Measures;

/// <summary>The measure form's fields; names match <see cref="SaveMeasure"/> so that service errors land beside them.</summary>
public sealed class MeasureForm
{
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public string? Unit { get; set; }
    public MeasureFormat? Format { get; set; }
    public MeasureFrequency? Frequency { get; set; }
    public ImprovementDirection? Improvement { get; set; }

    /// <summary>Numbers as typed, so a number that cannot be read is reported, not lost.</summary>
    public string? Target { get; set; }

    /// <summary>One planned period per line: "2026-04-01, 78".</summary>
    public string? Trajectory { get; set; }
    public MeasureSourceKind? SourceKind { get; set; }
    public string? Source { get; set; }
    public MeasureGeography? Geography { get; set; }
    public Guid? PlaceId { get; set; }
    public Guid? GeographyOrganisationId { get; set; }
    public string? AreaCode { get; set; }
    public string? PoolYears { get; set; }
    public ReleaseCadence? ReleasedEvery { get; set; }

    /// <summary>The lag as typed: "18 months", "10 days", "6 weeks", or a number of months.</summary>
    public string? ReleaseLag { get; set; }
    public Guid? OwnerOrganisationId { get; set; }

    public static MeasureForm From(MeasureDetail detail)
    {
        var m = detail.Measure;
        return new()
        {
            Name = m.Name, Definition = m.Definition, Unit = m.Unit, Format = m.Format, Frequency = m.Frequency, Improvement = m.Improvement,
            Target = m.Target?.ToString(CultureInfo.InvariantCulture),
            // A relative target's line is drawn from it, not planned here.
            Trajectory = m.RelativeTarget is not null ? null
                : string.Join("\n", detail.Trajectory.Select(t => FormattableString.Invariant($"{m.PeriodInWords(t.PeriodStart)}, {t.Value}"))),
            SourceKind = m.SourceKind, Source = m.Source, Geography = m.Geography, PlaceId = m.PlaceId, GeographyOrganisationId = m.GeographyOrganisationId,
            AreaCode = m.AreaCode, OwnerOrganisationId = m.OwnerOrganisationId, PoolYears = m.PoolYears?.ToString(CultureInfo.InvariantCulture),
            ReleasedEvery = m.ReleasedEvery, ReleaseLag = m.ReleaseLag is { } lag ? MeasureWords.LagInWords(lag, m.ReleaseLagUnit) : null,
        };
    }

    /// <summary>
    /// The service input. Text that cannot be read as a number or a trajectory line adds an error here and is passed
    /// on as an impossible value, so the service refuses the save and still reports every other field in the same round.
    /// </summary>
    public SaveMeasure ToInput(ModelStateDictionary modelState, bool frequencyUnreadable)
    {
        double? target = null;
        if (!string.IsNullOrWhiteSpace(Target))
        {
            if (double.TryParse(Target.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t))
            {
                target = t;
            }
            else
            {
                modelState.AddModelError("Input.Target", "Target must be a number, like 95 or 0.5");
                target = double.NaN;
            }
        }
        int? poolYears = null;
        if (!string.IsNullOrWhiteSpace(PoolYears))
        {
            // Unreadable text goes on as an impossible length, so the service names the field with every other problem.
            poolYears = int.TryParse(PoolYears.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : 0;
        }
        var (lag, lagUnit) = ReadLag(modelState);
        return new SaveMeasure(Name, Definition, Unit, frequencyUnreadable ? null : Frequency, Improvement, target, Source, OwnerOrganisationId)
        {
            Format = Format, SourceKind = SourceKind, Geography = Geography, PlaceId = PlaceId, GeographyOrganisationId = GeographyOrganisationId,
            AreaCode = AreaCode, Trajectory = ParseTrajectory(modelState), PoolYears = poolYears, ReleasedEvery = ReleasedEvery, ReleaseLag = lag, ReleaseLagUnit = lagUnit,
        };
    }

    private (int? Lag, LagUnit? Unit) ReadLag(ModelStateDictionary modelState)
    {
        if (string.IsNullOrWhiteSpace(ReleaseLag))
        {
            return (null, null);
        }
        var parts = ReleaseLag.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        LagUnit? unit = parts.Length == 1 ? LagUnit.Months : parts[1].ToLowerInvariant() switch
        {
            "day" or "days" => LagUnit.Days,
            "week" or "weeks" => LagUnit.Weeks,
            "month" or "months" => LagUnit.Months,
            _ => null,
        };
        if (unit is null || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            modelState.AddModelError("Input.ReleaseLag", "Write the lag as a number of days, weeks or months, like 18 months or 10 days");
            return (null, null);
        }
        return (amount, unit);
    }

    private List<PlannedValue> ParseTrajectory(ModelStateDictionary modelState)
    {
        var planned = new List<PlannedValue>();
        var lines = (Trajectory ?? "").Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }
            var parts = lines[i].Split([',', '\t'], 2, StringSplitOptions.TrimEntries);
            var type = Frequency ?? MeasureFrequency.Monthly;
            var pool = int.TryParse(PoolYears, NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : 3;
            if (parts.Length != 2 || !Period.TryParse(parts[0], type, pool, out var period, out _)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                modelState.AddModelError("Input.Trajectory", $"Trajectory line {i + 1}: write the period and the value, like {Period.Example(type, pool)}, 78");
                planned.Add(new PlannedValue(null, null));
                continue;
            }
            planned.Add(new PlannedValue(period.Start, value));
        }
        return planned;
    }

    public static IEnumerable<SelectListItem> Options<T>(T? selected, params (T Value, string Text)[] options) where T : struct, Enum =>
        options.Select(o => new SelectListItem(o.Text, o.Value.ToString(), selected is { } s && s.Equals(o.Value)));

    public IEnumerable<SelectListItem> FormatOptions => Options(Format,
        (MeasureFormat.Percentage, "Percentage (0 to 100)"), (MeasureFormat.Rate, "Rate per population, like per 100,000"), (MeasureFormat.Count, MeasureFormat.Count.InWords()),
        (MeasureFormat.Days, MeasureFormat.Days.InWords()), (MeasureFormat.Number, "Another number (can be negative)"));

    public IEnumerable<SelectListItem> FrequencyOptions => Options(Frequency,
        [.. Enum.GetValues<MeasureFrequency>().Select(f => (f, f.InWords()))]);

    public IEnumerable<SelectListItem> ReleaseOptions =>
        [new SelectListItem("Once a period (the usual schedule)", "", ReleasedEvery is null), .. Options(ReleasedEvery, [.. Enum.GetValues<ReleaseCadence>().Select(c => (c, c.InWords()))])];

    public IEnumerable<SelectListItem> ImprovementOptions => Options(Improvement,
        [.. Enum.GetValues<ImprovementDirection>().Select(d => (d, d.InWords()))]);

    public IEnumerable<SelectListItem> SourceKindOptions => Options(SourceKind,
        [.. Enum.GetValues<MeasureSourceKind>().Select(k => (k, k.InWords()))]);

    public IEnumerable<SelectListItem> GeographyOptions => Options(Geography,
        [.. Enum.GetValues<MeasureGeography>().Select(g => (g, g.InWords()))]);

    public IEnumerable<SelectListItem> PlaceOptions(IEnumerable<Place> places) =>
        [new SelectListItem("Select a place", "", PlaceId is null), .. places.Select(p => new SelectListItem(p.Name, p.Id.ToString(), p.Id == PlaceId))];

    public static IEnumerable<SelectListItem> OrganisationOptions(IEnumerable<OrganisationSummary> organisations, Guid? selected) =>
        [new SelectListItem("Select an organisation", "", selected is null), .. organisations.Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == selected))];
}

/// <summary>What the shared fields partial needs from the New and Edit pages.</summary>
public interface IMeasureFormPage
{
    MeasureForm Input { get; }
    IReadOnlyList<Place> Places { get; }
    IReadOnlyList<OrganisationSummary> Organisations { get; }
}
