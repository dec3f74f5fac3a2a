using System.Text.Json;
using Concordat.PublicHealth;

namespace Concordat.PublicHealth.Tests;

/// <summary>
/// The PHEindicatormethods 2.1.0 oracle cases (data/reference/phe): each case's input, computed through the library,
/// as the named fields the oracle expects (null for a missing value), or <see langword="null"/> for an error.
/// </summary>
internal static class OracleCases
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "cases.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    });

    public static IEnumerable<string> Ids => Cases.Value.Select(c => c.GetProperty("id").GetString()!);

    public static JsonElement Case(string id) => Cases.Value.Single(c => c.GetProperty("id").GetString() == id);

    /// <summary>The result fields, or null when the library refuses the input.</summary>
    public static Dictionary<string, double?>? Compute(JsonElement input)
    {
        try
        {
            return ComputeOrThrow(input);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Dictionary<string, double?> ComputeOrThrow(JsonElement input)
    {
        var confidenceElement = input.GetProperty("confidence");
        double[] levels = confidenceElement.ValueKind == JsonValueKind.Array
            ? [.. confidenceElement.EnumerateArray().Select(e => e.GetDouble())]
            : [confidenceElement.GetDouble()];
        var confidence = ConfidenceLevels.Of(levels);
        double Number(string name) => input.GetProperty(name).GetDouble();
        double[] Numbers(string name) => [.. input.GetProperty(name).EnumerateArray().Select(e => e.GetDouble())];

        switch (input.GetProperty("method").GetString())
        {
            case "proportion":
                return Fields(Proportion.Calculate(Number("numerator"), Number("denominator"), Number("multiplier"), confidence));
            case "rate":
                return Fields(CrudeRate.Calculate(Number("numerator"), Number("denominator"), Number("multiplier"), confidence));
            case "mean":
                return Fields(Mean.Calculate(Numbers("values"), confidence));
            case "dsr":
                return Fields(DirectlyStandardisedRate.Calculate(Numbers("numerators"), Numbers("denominators"), Numbers("standard_populations"), Number("multiplier"), confidence));
            case "isr":
                return Fields(IndirectlyStandardised.Rate(Numbers("numerators"), Numbers("denominators"), Numbers("reference_numerators"), Numbers("reference_denominators"), Number("multiplier"), confidence));
            case "smr":
                return Fields(IndirectlyStandardised.Ratio(Numbers("numerators"), Numbers("denominators"), Numbers("reference_numerators"), Numbers("reference_denominators"), Number("refvalue"), confidence));
            case "life_expectancy":
                return Fields(LifeExpectancy.Calculate(Numbers("age_bands"), Numbers("deaths"), Numbers("populations"), Number("start_age"), confidence));
            case "sii":
                var quantiles = input.GetProperty("quantiles").EnumerateArray().Select(q => new SiiQuantile(
                    q.GetProperty("quantile").GetInt32(), q.GetProperty("population").GetDouble(), q.GetProperty("value").GetDouble(),
                    q.GetProperty("lower").GetDouble(), q.GetProperty("upper").GetDouble())).ToArray();
                var rii = input.GetProperty("rii").GetBoolean();
                var indices = SlopeIndexOfInequality.Calculate(
                    quantiles, (SiiValueType)input.GetProperty("value_type").GetInt32(), input.GetProperty("transform").GetBoolean(),
                    rii, Number("multiplier"), confidence);
                var fields = new Dictionary<string, double?> { ["sii"] = indices.Sii };
                AddIntervals(fields, indices.SiiIntervals, "sii_lower", "sii_upper");
                if (rii)
                {
                    fields["rii"] = indices.Rii;
                    AddIntervals(fields, indices.RiiIntervals, "rii_lower", "rii_upper");
                }

                return fields;
            default:
                throw new InvalidOperationException("unknown method in the oracle file");
        }
    }

    private static Dictionary<string, double?> Fields(Estimate estimate)
    {
        var fields = new Dictionary<string, double?> { ["value"] = estimate.Value };
        AddIntervals(fields, estimate.Intervals, "lower", "upper");
        return fields;
    }

    private static void AddIntervals(Dictionary<string, double?> fields, IReadOnlyList<ConfidenceInterval> intervals, string lower, string upper)
    {
        foreach (var interval in intervals)
        {
            var suffix = intervals.Count == 1 ? "" : interval.Level == 0.95 ? "_95" : "_998";
            fields[lower + suffix] = interval.Lower;
            fields[upper + suffix] = interval.Upper;
        }
    }
}
