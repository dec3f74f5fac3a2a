using System.Text.Json;
using Concordat.NhsUk.Tests.Support;
using Xunit.Sdk;

namespace Concordat.NhsUk.Tests.Unit;

/// <summary>The conformance suite checks against the pinned nhsuk-frontend package, and fails loudly without it.</summary>
public sealed class DesignSystemFixturesTests
{
    [Fact]
    public void InstalledPackage_IsThePinnedVersion()
    {
        var packageJson = Path.Combine(DesignSystemFixtures.PackageDirectory, "package.json");
        Assert.True(File.Exists(packageJson), $"nhsuk-frontend is not installed at {packageJson}: run the Concordat.Web build or `npm ci` in src/Concordat.Web first.");

        using var package = JsonDocument.Parse(File.ReadAllText(packageJson));

        Assert.Equal(DesignSystemFixtures.PinnedVersion, package.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void MissingFixtures_FailWithInstructions_InsteadOfSkipping()
    {
        var failure = Assert.Throws<FailException>(() => DesignSystemFixtures.Load("no-such-component"));

        Assert.Contains("npm ci", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AmbiguousFixtureName_Fails()
    {
        Assert.Throws<FailException>(() => DesignSystemFixtures.Get("input", "label"));
    }
}
