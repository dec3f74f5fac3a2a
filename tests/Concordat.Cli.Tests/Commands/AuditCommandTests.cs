using Microsoft.Data.Sqlite;

namespace Concordat.Cli.Tests.Commands;

public sealed class AuditCommandTests : IDisposable
{
    private const string DemoSystem = "Northshire and Eastvale ICS";
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Verify_TheDemoWorkspace_VerifiesEveryEntry()
    {
        await _cli.RunAsync("demo");
        await using var connection = await OpenAsync();
        var entries = Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM AuditEvents WHERE SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')"), System.Globalization.CultureInfo.InvariantCulture);
        var last = (string?)await ScalarAsync(connection, "SELECT Hash FROM AuditEvents WHERE SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "') ORDER BY Sequence DESC LIMIT 1");

        var result = await _cli.RunAsync("audit", "verify");
        var named = await _cli.RunAsync("audit", "verify", "--system", DemoSystem);
        var unknown = await _cli.RunAsync("audit", "verify", "--system", "No such system");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.True(entries > 20, $"The demo has only {entries} audit entries.");
        Assert.Equal($"{DemoSystem}: verified {entries:#,##0} entries; the last hash is {last}.", named.Output.Trim());
        // Every system's chain is verified, each on its line: the demo's and its two neighbours'.
        Assert.Equal(3, result.Output.Trim().Split('\n').Length);
        Assert.Contains(named.Output.Trim(), result.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no system with id or name 'No such system'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEntryEditedInTheDatabaseFile_IsReportedAndExitsOne()
    {
        await _cli.RunAsync("demo");
        await using var connection = await OpenAsync();
        var id = (string)(await ScalarAsync(connection, "SELECT Id FROM AuditEvents WHERE Sequence = 5 AND SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')"))!;
        var action = (string)(await ScalarAsync(connection, "SELECT Action FROM AuditEvents WHERE Sequence = 5 AND SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')"))!;

        var refused = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(connection, "UPDATE AuditEvents SET EntityName = 'Someone else' WHERE Sequence = 5 AND SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')"));
        // Someone with the file can drop the trigger; the chain still shows what they did.
        await ScalarAsync(connection, "DROP TRIGGER AuditEvents_never_change");
        await ScalarAsync(connection, "UPDATE AuditEvents SET EntityName = 'Someone else' WHERE Sequence = 5 AND SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')");
        var result = await _cli.RunAsync("audit", "verify", "--system", DemoSystem);

        Assert.Contains("An audit entry cannot be changed or removed.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        var report = result.Output.Trim();
        Assert.StartsWith($"{DemoSystem}: 4 entries verified, then entry 5 is broken: its fields do not match its hash", report, StringComparison.Ordinal);
        Assert.Contains($"Entry id {id.ToLowerInvariant()}, ", report, StringComparison.Ordinal);
        Assert.EndsWith($"(UK time), action {action}.", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEntryRemovedFromTheDatabaseFile_IsReportedAtTheEntryAfterIt()
    {
        await _cli.RunAsync("demo");
        await using var connection = await OpenAsync();
        var id = (string)(await ScalarAsync(connection, "SELECT Id FROM AuditEvents WHERE Sequence = 8 AND SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')"))!;

        await ScalarAsync(connection, "DROP TRIGGER AuditEvents_never_removed");
        await ScalarAsync(connection, "DELETE FROM AuditEvents WHERE Sequence = 7 AND SystemId = (SELECT Id FROM Systems WHERE Name = '" + DemoSystem + "')");
        var result = await _cli.RunAsync("audit", "verify", "--system", DemoSystem);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{DemoSystem}: 6 entries verified, then entry 8 is broken: it is entry 8 of the chain where entry 7 should be", result.Output.Trim(), StringComparison.Ordinal);
        Assert.Contains($"Entry id {id.ToLowerInvariant()}, ", result.Output, StringComparison.Ordinal);
    }
}
