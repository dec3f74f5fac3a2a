using System.Text.Json;
using Concordat.PublicHealth;

namespace Concordat.Cli.Stats;

/// <summary>
/// One case of <c>stats batch</c>: reads its fields for its method, computes, and writes its result object. Every
/// field a method uses is required, so a misspelt "multiplier" is an error rather than a silent default.
/// </summary>
internal static class StatsCase
{
    public static void Compute(JsonElement element, string where, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id))
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer);
        }
        else
        {
            writer.WriteNull("id");
        }

        try
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"expected a case object, got {Describe(element)}.");
            }

            var reader = new CaseReader(element);
            var confidence = ConfidenceLevels.Of(reader.Confidence());
            var method = reader.String("method");
            switch (method)
            {
                case "proportion":
                    WriteEstimate(writer, Proportion.Calculate(reader.Number("numerator"), reader.Number("denominator"), reader.Number("multiplier"), confidence));
                    break;
                case "rate":
                    WriteEstimate(writer, CrudeRate.Calculate(reader.Number("numerator"), reader.Number("denominator"), reader.Number("multiplier"), confidence));
                    break;
                case "mean":
                    WriteEstimate(writer, Mean.Calculate(reader.Numbers("values"), confidence));
                    break;
                case "dsr":
                    WriteEstimate(writer, DirectlyStandardisedRate.Calculate(
                        reader.Numbers("numerators"), reader.Numbers("denominators"), reader.Numbers("standard_populations"),
                        reader.Number("multiplier"), confidence));
                    break;
                case "isr":
                    WriteEstimate(writer, IndirectlyStandardised.Rate(
                        reader.Numbers("numerators"), reader.Numbers("denominators"),
                        reader.Numbers("reference_numerators"), reader.Numbers("reference_denominators"),
                        reader.Number("multiplier"), confidence));
                    break;
                case "smr":
                    WriteEstimate(writer, IndirectlyStandardised.Ratio(
                        reader.Numbers("numerators"), reader.Numbers("denominators"),
                        reader.Numbers("reference_numerators"), reader.Numbers("reference_denominators"),
                        reader.Number("refvalue"), confidence));
                    break;
                case "life_expectancy":
                    WriteEstimate(writer, LifeExpectancy.Calculate(
                        reader.Numbers("age_bands"), reader.Numbers("deaths"), reader.Numbers("populations"),
                        reader.Number("start_age"), confidence));
                    break;
                case "sii":
                    var wantRii = reader.Bool("rii");
                    var indices = SlopeIndexOfInequality.Calculate(
                        reader.Quantiles(), reader.ValueType(), reader.Bool("transform"), wantRii,
                        reader.Number("multiplier"), ConfidenceLevels.Of(reader.Confidence()));
                    WriteIndices(writer, indices, wantRii);
                    break;
                default:
                    throw new ArgumentException(
                        $"unknown method \"{method}\" (expected proportion, rate, mean, dsr, isr, smr, life_expectancy or sii).");
            }
        }
        catch (ArgumentException e)
        {
            writer.WriteBoolean("error", true);
            writer.WriteString("message", $"{where}: {FirstSentence(e.Message)}");
        }

        writer.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter writer, Estimate estimate)
    {
        WriteNumber(writer, "value", estimate.Value);
        WriteIntervals(writer, estimate.Intervals, "lower", "upper");
    }

    private static void WriteIndices(Utf8JsonWriter writer, InequalityIndices indices, bool rii)
    {
        WriteNumber(writer, "sii", Estimate(indices.Sii));
        WriteIntervals(writer, indices.SiiIntervals, "sii_lower", "sii_upper");
        if (rii)
        {
            WriteNumber(writer, "rii", indices.Rii);
            WriteIntervals(writer, indices.RiiIntervals, "rii_lower", "rii_upper");
        }
    }

    private static double? Estimate(double value) => double.IsFinite(value) ? value : null;

    // One level: "lower"/"upper". The 95% and 99.8% pair: "lower_95", "upper_95", "lower_998", "upper_998".
    private static void WriteIntervals(Utf8JsonWriter writer, IReadOnlyList<ConfidenceInterval> intervals, string lower, string upper)
    {
        foreach (var interval in intervals)
        {
            var suffix = intervals.Count == 1 ? "" : interval.Level == 0.95 ? "_95" : "_998";
            WriteNumber(writer, lower + suffix, interval.Lower);
            WriteNumber(writer, upper + suffix, interval.Upper);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>An <see cref="ArgumentException"/>'s message without the " (Parameter 'x')" the runtime appends.</summary>
    private static string FirstSentence(string message)
    {
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }

    /// <summary>Typed, required fields of one case; a missing or mistyped field is an <see cref="ArgumentException"/>.</summary>
    private sealed class CaseReader(JsonElement element)
    {
        public JsonElement Field(string name) => element.TryGetProperty(name, out var value)
            ? value
            : throw new ArgumentException($"\"{name}\" is required.");

        public string String(string name)
        {
            var value = Field(name);
            return value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new ArgumentException($"\"{name}\" must be a string, got {Describe(value)}.");
        }

        public double Number(string name) => NumberOf(Field(name), $"\"{name}\"");

        public bool Bool(string name)
        {
            var value = Field(name);
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw new ArgumentException($"\"{name}\" must be true or false, got {Describe(value)}.");
        }

        public double[] Numbers(string name)
        {
            var value = Field(name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new ArgumentException($"\"{name}\" must be an array of numbers, got {Describe(value)}.");
            }

            return [.. value.EnumerateArray().Select((item, i) => NumberOf(item, $"{name}[{i}]"))];
        }

        /// <summary>A number, or an array of one or two numbers.</summary>
        public double[] Confidence()
        {
            var value = Field("confidence");
            return value.ValueKind == JsonValueKind.Array ? Numbers("confidence") : [NumberOf(value, "\"confidence\"")];
        }

        public SiiValueType ValueType()
        {
            var value = Number("value_type");
            return value is 0 or 1 or 2
                ? (SiiValueType)(int)value
                : throw new ArgumentException($"\"value_type\" must be 0 (other), 1 (rate) or 2 (proportion), got {value}.");
        }

        public SiiQuantile[] Quantiles()
        {
            var value = Field("quantiles");
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new ArgumentException($"\"quantiles\" must be an array of objects, got {Describe(value)}.");
            }

            return [.. value.EnumerateArray().Select((item, i) =>
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new ArgumentException($"quantiles[{i}] must be an object, got {Describe(item)}.");
                }

                var quantile = new CaseReader(item);
                var number = quantile.Number("quantile");
                return number == Math.Floor(number) && Math.Abs(number) < int.MaxValue
                    ? new SiiQuantile((int)number, quantile.Number("population"), quantile.Number("value"), quantile.Number("lower"), quantile.Number("upper"))
                    : throw new ArgumentException($"quantiles[{i}].quantile must be a whole number, got {number}.");
            })];
        }

        private static double NumberOf(JsonElement value, string what) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
                ? number
                : throw new ArgumentException($"{what} must be a finite number, got {Describe(value)}.");
    }
}
