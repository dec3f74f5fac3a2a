using System.Text.Json;

namespace Concordat.PublicHealth.Tests;

/// <summary>
/// Every oracle case within its own tolerance: relative 1e-9 with the case's absolute floor, and per-field absolute
/// bands for the simulated SII/RII limits, exactly as the checker that ships with the cases reads them.
/// </summary>
public sealed class OracleCaseTests
{
    public static TheoryData<string> CaseIds => [.. OracleCases.Ids];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_matches_the_package(string id)
    {
        var oracle = OracleCases.Case(id);
        var expected = oracle.GetProperty("expected");
        var actual = OracleCases.Compute(oracle.GetProperty("input"));

        if (expected.TryGetProperty("error", out var error) && error.GetBoolean())
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        var tolerance = oracle.TryGetProperty("tolerance", out var t) ? t : default;
        foreach (var field in expected.EnumerateObject())
        {
            Assert.True(actual.TryGetValue(field.Name, out var got), $"{id}: {field.Name} missing");
            if (field.Value.ValueKind == JsonValueKind.Null)
            {
                Assert.Null(got);
                continue;
            }

            var want = field.Value.GetDouble();
            Assert.NotNull(got);
            var (relative, absolute) = Tolerance(tolerance, field.Name);
            var difference = Math.Abs(got.Value - want);
            Assert.True(
                difference <= Math.Max(relative * Math.Abs(want), absolute),
                $"{id}: {field.Name} = {got.Value:R}, expected {want:R} (difference {difference:E3})");
        }
    }

    [Fact]
    public void The_sample_covers_every_method()
    {
        var methods = OracleCases.Ids.Select(id => OracleCases.Case(id).GetProperty("input").GetProperty("method").GetString()).ToHashSet();
        Assert.Equal(["dsr", "isr", "life_expectancy", "mean", "proportion", "rate", "sii", "smr"], methods.Order());
    }

    private static (double Relative, double Absolute) Tolerance(JsonElement tolerance, string field)
    {
        double Read(JsonElement e, string name, double fallback) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;

        var relative = Read(tolerance, "rel", 1e-9);
        var absolute = Read(tolerance, "abs", 0);
        if (tolerance.ValueKind == JsonValueKind.Object
            && tolerance.TryGetProperty("fields", out var fields)
            && fields.TryGetProperty(field, out var over))
        {
            relative = Read(over, "rel", relative);
            absolute = Read(over, "abs", absolute);
        }

        return (relative, absolute);
    }
}
