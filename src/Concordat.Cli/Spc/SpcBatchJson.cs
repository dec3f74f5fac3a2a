using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Concordat.Spc;

namespace Concordat.Cli.Spc;

/// <summary>One case of the batch interface: the values and the options to analyse them with.</summary>
internal sealed record SpcBatchCase(double?[] Values, SpcOptions Options);

/// <summary>
/// The JSON of <c>concordat spc analyse</c> (docs/spc-method.md, "The batch interface"): reads one case object or an
/// array of them, writes one result per case in the same shape. Reading is strict — an unknown or mistyped field is
/// an error, not silently ignored, because a misspelt "screen_outliers" would otherwise change the limits unnoticed.
/// </summary>
internal static class SpcBatchJson
{
    private static readonly string[] Fields =
        ["values", "improvement", "target", "rebase", "screen_outliers", "fix_after_n_points", "two_in_three_rule"];

    /// <summary>The cases, and whether the input was an array (so the output is one too).</summary>
    /// <exception cref="SpcInputException">The input is not valid JSON or not a valid case.</exception>
    public static (ImmutableArray<SpcBatchCase> Cases, bool IsArray) Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new SpcInputException("no input: expected a JSON case object, or an array of them, on standard input.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SpcInputException($"the input is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => ([ReadCase(root, "the case")], false),
                JsonValueKind.Array => ([.. root.EnumerateArray().Select((c, i) => ReadCase(c, $"case {i}"))], true),
                _ => throw new SpcInputException($"expected a case object or an array of them, got {Describe(root)}."),
            };
        }
    }

    public static string Write(IReadOnlyList<XmrAnalysis> results, bool isArray)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (isArray)
            {
                writer.WriteStartArray();
            }

            foreach (var result in results)
            {
                WriteResult(writer, result);
            }

            if (isArray)
            {
                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static SpcBatchCase ReadCase(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SpcInputException($"{where}: expected an object, got {Describe(element)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw new SpcInputException($"{where}: unknown field \"{property.Name}\" (expected {string.Join(", ", Fields)}).");
            }

            if (!seen.Add(property.Name))
            {
                throw new SpcInputException($"{where}: field \"{property.Name}\" is given twice.");
            }
        }

        if (!element.TryGetProperty("values", out var valuesElement))
        {
            throw new SpcInputException($"{where}: \"values\" is required.");
        }

        var values = ReadValues(valuesElement, where);
        try
        {
            var options = new SpcOptions
            {
                Improvement = ReadEnum(element, "improvement", where, ImprovementDirection.Increase, SpcNames.TryParseImprovementDirection),
                Target = ReadNumber(element, "target", where),
                RebaseIndices = ReadRebase(element, where),
                ScreenOutliers = ReadBool(element, "screen_outliers", where, true),
                BaselinePointCount = ReadBaseline(element, where),
                TwoInThreeRule = ReadEnum(element, "two_in_three_rule", where, TwoInThreeRule.PlotTheDots, SpcNames.TryParseTwoInThreeRule),
            };
            return new SpcBatchCase(values, options);
        }
        catch (ArgumentException e)
        {
            throw new SpcInputException($"{where}: {FirstSentence(e.Message)}");
        }
    }

    private static double?[] ReadValues(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new SpcInputException($"{where}: \"values\" must be an array of numbers or nulls, got {Describe(element)}.");
        }

        var values = new double?[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            values[i] = item.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Number when item.TryGetDouble(out var v) && double.IsFinite(v) => v,
                JsonValueKind.Number => throw new SpcInputException($"{where}: values[{i}] is too large for a double."),
                _ => throw new SpcInputException($"{where}: values[{i}] must be a number or null, got {Describe(item)}."),
            };
            i++;
        }

        if (values.Length == 0)
        {
            throw new SpcInputException($"{where}: \"values\" is empty; an analysis needs at least one value.");
        }

        return values;
    }

    private static double? ReadNumber(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new SpcInputException($"{where}: \"{name}\" must be a finite number or null, got {Describe(value)}.");
    }

    private static int? ReadInteger(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new SpcInputException($"{where}: \"{name}\" must be an integer or null, got {Describe(value)}.");
    }

    private static int? ReadBaseline(JsonElement element, string where)
    {
        var n = ReadInteger(element, "fix_after_n_points", where);
        return n is null or >= SpcOptions.MinimumBaselinePointCount
            ? n
            : throw new SpcInputException($"{where}: \"fix_after_n_points\" must be at least {SpcOptions.MinimumBaselinePointCount}, got {n}.");
    }

    private static bool ReadBool(JsonElement element, string name, string where, bool defaultValue)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new SpcInputException($"{where}: \"{name}\" must be true or false, got {Describe(value)}.");
    }

    private delegate bool TryParse<T>(string? name, out T value);

    private static T ReadEnum<T>(JsonElement element, string name, string where, T defaultValue, TryParse<T> parse)
        where T : struct, Enum
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        if (value.ValueKind == JsonValueKind.String && parse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", Enum.GetValues<T>().Select(v => $"\"{NameOf(v)}\""));
        throw new SpcInputException($"{where}: \"{name}\" must be one of {allowed}, got {Describe(value)}.");
    }

    private static ImmutableArray<int> ReadRebase(JsonElement element, string where)
    {
        if (!element.TryGetProperty("rebase", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new SpcInputException($"{where}: \"rebase\" must be an array of 0-based indices, got {Describe(value)}.");
        }

        return [.. value.EnumerateArray().Select((index, i) => index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var n)
            ? n
            : throw new SpcInputException($"{where}: rebase[{i}] must be an integer index, got {Describe(index)}."))];
    }

    private static void WriteResult(Utf8JsonWriter writer, XmrAnalysis analysis)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("points");
        foreach (var point in analysis.Points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", point.Index);
            WriteNumber(writer, "value", point.Value);
            writer.WriteNumber("segment", point.Segment);
            WriteNumber(writer, "mean", point.Mean);
            WriteNumber(writer, "lpl", point.LowerProcessLimit);
            WriteNumber(writer, "upl", point.UpperProcessLimit);
            writer.WriteBoolean("special_cause", point.IsSpecialCause);
            writer.WriteString("point_type", point.PointType.ToName());
            WriteString(writer, "rule", point.Rule?.ToName());
            WriteString(writer, "signal", point.Signal?.ToName());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("segments");
        foreach (var segment in analysis.Segments)
        {
            writer.WriteStartObject();
            writer.WriteNumber("segment", segment.Number);
            writer.WriteNumber("start", segment.Start);
            writer.WriteNumber("end", segment.End);
            writer.WriteNumber("n_points", segment.PointCount);
            WriteNumber(writer, "mean", segment.Mean);
            WriteNumber(writer, "mean_moving_range", segment.MeanMovingRange);
            WriteNumber(writer, "lpl", segment.LowerProcessLimit);
            WriteNumber(writer, "upl", segment.UpperProcessLimit);
            WriteNumber(writer, "lower_2sigma", segment.LowerTwoSigmaLine);
            WriteNumber(writer, "upper_2sigma", segment.UpperTwoSigmaLine);
            writer.WriteBoolean("short_group_warning", segment.IsShort);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("variation_icon", analysis.VariationIcon.ToName());
        WriteString(writer, "assurance_icon", analysis.AssuranceIcon?.ToName());
        writer.WriteStartArray("warnings");
        foreach (var warning in analysis.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // JSON has no infinity: a number that overflowed (values near double.MaxValue) is written as null, like an
    // undefined one.
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

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string NameOf<T>(T value)
        where T : struct, Enum => value switch
        {
            ImprovementDirection v => v.ToName(),
            TwoInThreeRule v => v.ToName(),
            _ => value.ToString(),
        };

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>An <see cref="ArgumentException"/>'s message without the " (Parameter 'x')" the runtime appends.</summary>
    public static string FirstSentence(string message)
    {
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }
}
