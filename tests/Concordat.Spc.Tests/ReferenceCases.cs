using System.Collections.Immutable;
using System.Text.Json;

namespace Concordat.Spc.Tests;

/// <summary>The cases in data/reference/spc/cases.json: inputs and NHSRplotthedots 0.2.2's output.</summary>
internal static class ReferenceCases
{
    private static readonly Lazy<ImmutableArray<ReferenceCase>> All = new(Load);

    public static ImmutableArray<ReferenceCase> Cases => All.Value;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
        {
            data.Add(c.Id);
        }

        return data;
    }

    public static ReferenceCase Get(string id) => Cases.Single(c => c.Id == id);

    private static ImmutableArray<ReferenceCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "cases.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(ReferenceCase.Parse)];
    }
}

internal sealed record ReferenceCase(string Id, string Category, string? Note, double?[] Values, SpcOptions Options, JsonElement Expected)
{
    public string? Error => Expected.GetProperty("error").GetString();

    public static ReferenceCase Parse(JsonElement c)
    {
        var input = c.GetProperty("input");
        var values = input.GetProperty("values").EnumerateArray()
            .Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())
            .ToArray();
        Assert.True(SpcNames.TryParseImprovementDirection(input.GetProperty("improvement").GetString(), out var improvement));
        var options = new SpcOptions
        {
            Improvement = improvement,
            Target = NumberOrNull(input, "target"),
            RebaseIndices = input.TryGetProperty("rebase", out var rebase) && rebase.ValueKind == JsonValueKind.Array
                ? [.. rebase.EnumerateArray().Select(r => r.GetInt32())]
                : [],
            ScreenOutliers = !input.TryGetProperty("screen_outliers", out var screen) || screen.GetBoolean(),
            BaselinePointCount = input.TryGetProperty("fix_after_n_points", out var fix) && fix.ValueKind == JsonValueKind.Number
                ? fix.GetInt32()
                : null,
        };

        return new ReferenceCase(
            c.GetProperty("id").GetString()!,
            c.GetProperty("category").GetString()!,
            c.GetProperty("note").GetString(),
            values,
            options,
            c.GetProperty("expected").Clone());
    }

    private static double? NumberOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public override string ToString() => Id;
}
