using Concordat.Cli.Tests.Spc;
using Microsoft.Data.Sqlite;

namespace Concordat.Cli.Tests.Commands;

/// <summary><c>concordat import strategy</c>: the documented example loads whole; a file with a problem loads nothing and says where.</summary>
public sealed class ImportStrategyCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Example => Path.Combine(CliRunner.RepositoryRoot(), "docs", "examples", "strategy-example.yaml");

    private async Task<long> CountAsync(string table) =>
        Convert.ToInt64(await ReadAsync($"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<object?> ReadAsync(string query)
    {
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ImportStrategy_TheDocumentedExample_LoadsWhole_AndABrokenCopyLoadsNothing()
    {
        await _cli.RunAsync("migrate");
        var created = await _cli.RunAsync("systems", "add", "--name", "Riverbrook and Fellside ICS", "--convenor-email", "ada@riverbrook.example",
            "--convenor-name", "Ada Convenor", "--organisation", "NHS Riverbrook and Fellside Integrated Care Board", "--ods-code", "QZ9");
        Assert.True(created.ExitCode == 0, created.Error);
        var broken = Path.Combine(_cli.WorkingDirectory, "broken.yaml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Example, TestContext.Current.CancellationToken))
            .Replace("horizon: 2028-09-30", "horizon: next year", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var refused = await _cli.RunAsync("import", "strategy", broken, "--system", "Riverbrook and Fellside ICS");
        var goalsAfterRefusal = await CountAsync("Goals");
        var imported = await _cli.RunAsync("import", "strategy", Example, "--system", "Riverbrook and Fellside ICS");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("error: goals[1].horizon: Cannot read 'next year' as a date: write it like 2030-03-31", refused.Error.Trim());
        Assert.Equal(0, goalsAfterRefusal);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Equal("Imported strategy-example.yaml: 2 goals (as drafts) under 2 new ambitions, 2 measures with 9 values, 5 partners, 2 places, 2 forums, 7 drivers (1 priority shared with another goal) and 1 change idea, and the strategy's own words.",
            imported.Output.Trim());
        Assert.Equal(2, await CountAsync("Goals"));
        Assert.Equal(9, await CountAsync("Observations"));
        // The change idea comes with its diagnosis: Training, EnvironmentalRestructuring and Enablement (16 + 64 + 256); Guidelines and ServiceProvision (2 + 64).
        Assert.Equal("336 66 Nurses doubt that a referral leads to a class place within the month",
            await ReadAsync("SELECT Functions || ' ' || Levers || ' ' || ReflectiveMotivation FROM ChangeIdeas"));
    }
}
