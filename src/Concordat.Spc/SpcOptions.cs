using System.Collections.Immutable;

namespace Concordat.Spc;

/// <summary>
/// How to analyse a series. Immutable; every property is checked when it is set, so an invalid option throws
/// <see cref="ArgumentException"/> naming the problem at the point it is written. (Whether a rebase index lies inside
/// the series can only be checked by <see cref="XmrAnalysis.Analyse(ReadOnlySpan{double?}, SpcOptions?)"/>.)
/// The defaults reproduce NHSRplotthedots 0.2.2.
/// </summary>
public sealed record SpcOptions
{
    /// <summary>Fewest points a baseline may have: the package's own minimum for <c>fix_after_n_points</c>.</summary>
    public const int MinimumBaselinePointCount = 12;

    /// <summary>Increase is better, no target, no rebase, outliers screened, whole-segment baseline.</summary>
    public static SpcOptions Default { get; } = new();

    /// <summary>Which way is better. Default <see cref="ImprovementDirection.Increase"/>.</summary>
    public ImprovementDirection Improvement
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Improvement), value, "Improvement must be Increase, Decrease or Neither.");
    }

    /// <summary>The target, for the assurance icon; null for none. Must be finite.</summary>
    public double? Target
    {
        get;
        init => field = value is not { } target || double.IsFinite(target)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Target), value, "Target must be a finite number.");
    }

    /// <summary>
    /// 0-based indices of the first point of each new segment (recalculation points), in ascending order. Given in
    /// any order; duplicates and negative indices are rejected. An index of 0 is allowed and has no effect, because
    /// the first segment starts there anyway.
    /// </summary>
    public ImmutableArray<int> RebaseIndices
    {
        get;
        init
        {
            var sorted = value.IsDefaultOrEmpty ? [] : value.Sort();
            if (FindRebaseProblem(sorted) is { } problem)
            {
                throw new ArgumentException(problem, nameof(RebaseIndices));
            }

            field = sorted;
        }
    } = [];

    /// <summary>
    /// Screen moving ranges for outliers before setting limits (default true, as the package; the MDC Excel tools do
    /// not screen). Moving ranges not strictly below 3.267 × the mean moving range are dropped and the mean moving
    /// range recomputed once. Only the limits change; the mean never does.
    /// </summary>
    public bool ScreenOutliers { get; init; } = true;

    /// <summary>
    /// The package's <c>fix_after_n_points</c>: compute each segment's mean and limits from its first n rows only
    /// (missing rows count towards n); the rules still run on every point. Null (the default) uses every point.
    /// At least <see cref="MinimumBaselinePointCount"/>.
    /// </summary>
    public int? BaselinePointCount
    {
        get;
        init => field = value is not { } n || n >= MinimumBaselinePointCount
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(BaselinePointCount), value, $"BaselinePointCount (fix_after_n_points) must be at least {MinimumBaselinePointCount}.");
    }

    /// <summary>Which two-of-three variant to run. Default <see cref="Spc.TwoInThreeRule.PlotTheDots"/>.</summary>
    public TwoInThreeRule TwoInThreeRule
    {
        get;
        init => field = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TwoInThreeRule), value, "TwoInThreeRule must be PlotTheDots or Mdc2023.");
    }

    /// <summary>Value equality, comparing rebase indices element by element.</summary>
    public bool Equals(SpcOptions? other) =>
        other is not null
        && Improvement == other.Improvement
        && Target.Equals(other.Target)
        && RebaseIndices.AsSpan().SequenceEqual(other.RebaseIndices.AsSpan())
        && ScreenOutliers == other.ScreenOutliers
        && BaselinePointCount == other.BaselinePointCount
        && TwoInThreeRule == other.TwoInThreeRule;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Improvement);
        hash.Add(Target);
        foreach (var index in RebaseIndices)
        {
            hash.Add(index);
        }

        hash.Add(ScreenOutliers);
        hash.Add(BaselinePointCount);
        hash.Add(TwoInThreeRule);
        return hash.ToHashCode();
    }

    // Lists the rebase indices (the generated ToString would print the ImmutableArray's type name).
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"Improvement = {Improvement}, Target = {Target}, RebaseIndices = [{string.Join(", ", RebaseIndices)}], ")
            .Append(System.Globalization.CultureInfo.InvariantCulture,
            $"ScreenOutliers = {ScreenOutliers}, BaselinePointCount = {BaselinePointCount}, TwoInThreeRule = {TwoInThreeRule}");
        return true;
    }

    private static string? FindRebaseProblem(ImmutableArray<int> sorted)
    {
        if (sorted.Length > 0 && sorted[0] < 0)
        {
            return $"Rebase index {sorted[0]} is negative; rebase indices are 0-based positions in the series.";
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                return $"Rebase index {sorted[i]} is given twice.";
            }
        }

        return null;
    }
}
