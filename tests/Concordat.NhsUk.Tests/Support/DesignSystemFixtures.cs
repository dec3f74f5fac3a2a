using System.Text.Json;

namespace Concordat.NhsUk.Tests.Support;

/// <summary>One example from a component's <c>fixtures.json</c>: the Nunjucks context and the exact HTML it renders.</summary>
internal sealed record DesignSystemFixture(string Component, string Name, JsonElement Context, string Html, string? CallBlock);

/// <summary>
/// Reads the reference fixtures shipped in the nhsuk-frontend npm package that Concordat.Web installs.
/// Missing fixtures fail the test: silently skipping would let the conformance suite pass without checking anything.
/// </summary>
internal static class DesignSystemFixtures
{
    internal const string PinnedVersion = "10.6.1";

    private const string MissingPackageHelp =
        "run the Concordat.Web build or `npm ci` in src/Concordat.Web first";

    public static string PackageDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Concordat.slnx")))
            {
                directory = directory.Parent;
            }

            if (directory is null)
            {
                Assert.Fail($"Could not find the repository root (the folder holding Concordat.slnx) above {AppContext.BaseDirectory}.");
            }

            return Path.Combine(directory.FullName, "src", "Concordat.Web", "node_modules", "nhsuk-frontend");
        }
    }

    public static IReadOnlyList<DesignSystemFixture> Load(string component)
    {
        var path = Path.Combine(PackageDirectory, "dist", "nhsuk", "components", component, "fixtures.json");
        if (!File.Exists(path))
        {
            Assert.Fail($"nhsuk-frontend fixtures not found at {path}: {MissingPackageHelp}.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("fixtures").EnumerateArray()
            .Select(fixture => new DesignSystemFixture(
                component,
                fixture.GetProperty("name").GetString()!,
                fixture.GetProperty("context").Clone(),
                fixture.GetProperty("html").GetString()!,
                fixture.TryGetProperty("callBlock", out var callBlock) ? callBlock.GetString() : null))
            .ToList();
    }

    /// <summary>
    /// The single fixture with this name (and matching <paramref name="where"/>, for names the package reuses,
    /// such as the "label" fixtures that differ only by size). Fails unless exactly one matches, so a renamed
    /// or added fixture cannot silently change what a test checks.
    /// </summary>
    public static DesignSystemFixture Get(string component, string name, Func<JsonElement, bool>? where = null)
    {
        var matches = Load(component)
            .Where(f => f.Name == name && (where is null || where(f.Context)))
            .ToList();

        if (matches.Count != 1)
        {
            Assert.Fail($"Expected exactly one '{component}' fixture named '{name}' matching the filter, found {matches.Count}.");
        }

        return matches[0];
    }

    /// <summary>Reads a string at a dotted path in a fixture context, e.g. <c>label.size</c>; null when absent.</summary>
    public static string? StringAt(this JsonElement context, string path)
    {
        var current = context;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return null;
            }
        }

        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => current.GetRawText(),
        };
    }
}
