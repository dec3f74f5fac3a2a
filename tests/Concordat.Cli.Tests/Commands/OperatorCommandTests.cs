using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Concordat.Cli.Tests.Commands;

public sealed class OperatorCommandTests : IDisposable
{
    /// <summary>The real A&amp;E series (36 months, two measures) and four illustrative measures of 24 months.</summary>
    /// <summary>The demo's values: its A&amp;E series, four two-year series, and the public-health series published by today.</summary>
    private static readonly int DemoObservations = 72 + (4 * 24) + Concordat.Core.Demo.DemoMeasures.PublishedByToday(DateOnly.FromDateTime(DateTime.UtcNow));

    private const string DemoSystem = "Northshire and Eastvale ICS";
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<long> ScalarAsync(string sql, string? connectionString = null)
    {
        await using var connection = new SqliteConnection(connectionString ?? _cli.SqliteConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("demo")]
    [InlineData("systems")]
    [InlineData("systems add")]
    [InlineData("systems rename")]
    [InlineData("users")]
    [InlineData("users add")]
    [InlineData("people")]
    [InlineData("people set-role")]
    [InlineData("people reset-link")]
    [InlineData("tokens")]
    [InlineData("tokens create")]
    [InlineData("backup")]
    [InlineData("spc")]
    [InlineData("import measure-data")]
    [InlineData("export measure-data")]
    [InlineData("audit")]
    [InlineData("audit verify")]
    public async Task Help_EveryCommand_DescribesItself(string command)
    {
        var result = await _cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"concordat {command}", result.Output);
        Assert.Contains("Usage:", result.Output);
    }

    [Fact]
    public async Task Migrate_CreatesTheDatabaseInWalMode_ThenReportsUpToDate()
    {
        var first = await _cli.RunAsync("migrate");
        var second = await _cli.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("Applied ", first.Output);
        Assert.Contains("_Initial", first.Output);
        Assert.Equal("The database is already up to date.", second.Output.Trim());
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await pragma.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrate_ADatabaseFromAnEarlierBuild_IsRefusedClearly_AndLeftAsItWas()
    {
        await _cli.RunAsync("migrate");
        await ScalarAsync("""INSERT INTO "__EFMigrationsHistory" VALUES ('20261125190205_Goals', '10.0.15'); SELECT 0;""");

        var result = await _cli.RunAsync("migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: This database was made by an earlier development build of Concordat (it has the migration 20261125190205_Goals", result.Error);
        Assert.Equal(2, await ScalarAsync("""SELECT COUNT(*) FROM "__EFMigrationsHistory";"""));
    }

    [Fact]
    public async Task Demo_CreatesTheWorkspaceOnce()
    {
        var first = await _cli.RunAsync("demo");
        var second = await _cli.RunAsync("demo");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("Created the demo workspace", first.Output);
        Assert.Contains("convenor@demo.concordat.example", first.Output);
        Assert.Contains("already exists", second.Output);
        // Northshire and Eastvale, and two smaller neighbours (an ICB, a trust and a council each) whose asks share a national theme with it.
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM Systems"));
        Assert.Equal(18, await ScalarAsync("SELECT COUNT(*) FROM Organisations"));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM Places"));
        Assert.Equal(21, await ScalarAsync("SELECT COUNT(*) FROM People"));
        // The national partners belong to their bodies, outside the system.
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM NationalPartners"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM Memberships m JOIN NationalPartners n ON n.PersonId = m.PersonId"));
        // Asks in each part of their life: a draft in each system (Northshire's other one with its partners), three in discussion
        // (the CQC's overdue one, and the neighbours' two answering the theme's question), one partly agreed after four iterations.
        Assert.Equal(4, await ScalarAsync("SELECT COUNT(*) FROM Asks WHERE Status = 'Draft'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM AskRounds WHERE State = 'Open'"));
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM Asks WHERE Status = 'InDiscussion'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Asks WHERE Status = 'PartlyAgreed' AND ConditionStatus = 'BeingMet'"));
        Assert.Equal(10, await ScalarAsync("SELECT COUNT(*) FROM AskIterations"));
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM ThemeAsks"));
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM AskIterations WHERE ThemeId IS NOT NULL"));
        Assert.Equal(4, await ScalarAsync("SELECT COUNT(*) FROM Goals"));
        Assert.Equal(5, await ScalarAsync("SELECT COUNT(*) FROM Contributions"));
        Assert.Equal(4, await ScalarAsync("SELECT COUNT(*) FROM CheckIns"));
        Assert.Equal(8, await ScalarAsync("SELECT COUNT(*) FROM Measures"));
        Assert.Equal(DemoObservations, await ScalarAsync("SELECT COUNT(*) FROM Observations"));
        Assert.Equal(14, await ScalarAsync("SELECT COUNT(*) FROM Resources"));
        Assert.Equal(8, await ScalarAsync("SELECT COUNT(*) FROM ResourceCommitments"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM ResourceCommitments WHERE Status = 'Requested'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Delegations"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM ResourceCommitments WHERE OverCommitmentReason IS NOT NULL"));
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM GoalNeeds"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM PooledFunds"));
        Assert.Equal(4, await ScalarAsync("SELECT COUNT(*) FROM PooledFundSchemes"));
        Assert.Equal(10, await ScalarAsync("SELECT COUNT(*) FROM Drivers"));
        Assert.Equal(4, await ScalarAsync("SELECT COUNT(*) FROM ChangeIdeas"));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM StrategyVersions"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Systems WHERE StrategyIsPublic = 1"));
        Assert.Equal(18, await ScalarAsync("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'OrganisationAdded'"));
    }

    [Fact]
    public async Task ImportMeasureData_DryRunWritesNothing_ThenImportsWithAPlainSummaryWhenNotATerminal()
    {
        await _cli.RunAsync("demo");
        var file = Path.Combine(_cli.WorkingDirectory, "four-hour.csv");
        await File.WriteAllTextAsync(file, "period,value,count,denominator\n2019-04-01,85.1,17020,20000\n2019-05-01,86.0,17200,20000\n2016-04-01,78.27,14706,18788\n", TestContext.Current.CancellationToken);

        var dryRun = await _cli.RunAsync("import", "measure-data", file, "--system", DemoSystem, "--measure", "A&E four-hour performance (type 1)", "--dry-run");
        var afterDryRun = await ScalarAsync("SELECT COUNT(*) FROM Observations");
        var imported = await _cli.RunAsync("import", "measure-data", file, "--system", DemoSystem, "--measure", "A&E four-hour performance (type 1)");

        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        Assert.Equal("Would import four-hour.csv into A&E four-hour performance (type 1): 2 added, 0 changed, 1 unchanged. Nothing was written.", dryRun.Output.Trim());
        Assert.Equal(DemoObservations, afterDryRun);
        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.StartsWith("Imported four-hour.csv into A&E four-hour performance (type 1): 2 added, 0 changed, 1 unchanged in ", imported.Output.Trim(), StringComparison.Ordinal);
        Assert.Equal("", imported.Error);
        Assert.Equal(DemoObservations + 2, await ScalarAsync("SELECT COUNT(*) FROM Observations"));
        Assert.Equal(17200, await ScalarAsync("SELECT CAST(Count AS INTEGER) FROM Observations WHERE PeriodStart = '2019-05-01'"));
    }

    [Fact]
    public async Task ImportMeasureData_BadRows_ExitTwoListingEachProblem_AndImportNothing()
    {
        await _cli.RunAsync("demo");
        var file = Path.Combine(_cli.WorkingDirectory, "bad.csv");
        await File.WriteAllTextAsync(file, "period,value\n2019-04-01,85\n2019-05-01,abc\n2019-06-15,86\n", TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("import", "measure-data", file, "--system", DemoSystem, "--measure", "A&E four-hour performance (type 1)");
        var noMeasure = await _cli.RunAsync("import", "measure-data", file, "--system", DemoSystem);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Row 3, value: \"abc\" is not a number", result.Error);
        Assert.Contains("error: Row 4, period: 15 June 2019 does not start a month: a month starts on its first day, like 1 April 2026", result.Error);
        Assert.Contains("Nothing was imported: bad.csv has 2 problems.", result.Error);
        Assert.Equal(DemoObservations, await ScalarAsync("SELECT COUNT(*) FROM Observations"));
        Assert.Equal(2, noMeasure.ExitCode);
        Assert.Contains("Choose the measure to import into", noMeasure.Error);
    }

    [Fact]
    public async Task UsersAdd_NewPerson_PrintsAnInvitationLink()
    {
        await _cli.RunAsync("demo");

        var result = await _cli.RunAsync("users", "add", "--system", DemoSystem, "--organisation", "rz2", "--role", "Contributor",
            "--email", "sam@eastvale.example", "--name", "Sam Eastvale", "--base-url", "https://concordat.example.nhs.uk/");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("https://concordat.example.nhs.uk/invitation/inv_", result.OutputLines[^1]);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Invitations i JOIN People p ON p.Id = i.PersonId WHERE p.Email = 'sam@eastvale.example' AND p.PasswordHash IS NULL"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'PersonAdded' AND ActorName = 'Operator (command line)'"));
    }

    [Fact]
    public async Task People_DeactivateResetAndRemove_ActAndAreAuditedAsTheOperator()
    {
        await _cli.RunAsync("demo");

        var deactivate = await _cli.RunAsync("people", "deactivate", "--email", "viewer@demo.concordat.example");
        var reset = await _cli.RunAsync("people", "reset-link", "--email", "lead@demo.concordat.example", "--base-url", "https://concordat.example.nhs.uk");
        var lastConvenor = await _cli.RunAsync("people", "remove", "--system", DemoSystem, "--email", "convenor@demo.concordat.example");

        Assert.Equal(0, deactivate.ExitCode);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM People WHERE Email = 'viewer@demo.concordat.example' AND DeactivatedAtUtc IS NOT NULL"));
        Assert.Equal(0, reset.ExitCode);
        Assert.StartsWith("https://concordat.example.nhs.uk/invitation/inv_", reset.OutputLines[^1]);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM People WHERE Email = 'lead@demo.concordat.example' AND PasswordHash IS NULL"));
        Assert.Equal(2, await ScalarAsync("SELECT COUNT(*) FROM AuditEvents WHERE Action IN ('PersonDeactivated', 'PasswordReset') AND ActorName = 'Operator (command line)'"));
        Assert.Equal(2, lastConvenor.ExitCode);
        Assert.Contains("A system needs a convenor", lastConvenor.Error);
    }

    [Fact]
    public async Task UsersAdd_PasswordOnStdin_SetsIt()
    {
        await _cli.RunAsync("demo");

        var result = await _cli.RunWithInputAsync("a long and strong passphrase\n", "users", "add", "--system", DemoSystem, "--organisation", "RZ2",
            "--role", "Viewer", "--email", "pat@eastvale.example", "--name", "Pat", "--password-stdin");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM People WHERE Email = 'pat@eastvale.example' AND PasswordHash IS NOT NULL"));
    }

    [Fact]
    public async Task UsersAdd_BadInput_ExitsTwoAndWritesNothing()
    {
        await _cli.RunAsync("demo");
        var people = await ScalarAsync("SELECT COUNT(*) FROM People");

        var weak = await _cli.RunWithInputAsync("short\n", "users", "add", "--system", DemoSystem, "--organisation", "RZ2", "--role", "Viewer",
            "--email", "weak@eastvale.example", "--name", "Weak", "--password-stdin");
        var badEmail = await _cli.RunAsync("users", "add", "--system", DemoSystem, "--organisation", "RZ2", "--role", "Viewer", "--email", "not-an-email");
        var noOrganisation = await _cli.RunAsync("users", "add", "--system", DemoSystem, "--organisation", "XX999", "--role", "Viewer", "--email", "a@b.example");
        var badRole = await _cli.RunAsync("users", "add", "--system", DemoSystem, "--organisation", "RZ2", "--role", "Boss", "--email", "a@b.example");

        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("Passwords must be at least 12 characters", weak.Error);
        Assert.Equal(2, badEmail.ExitCode);
        Assert.Contains("Email: Enter an email address in the correct format", badEmail.Error);
        Assert.Contains("DisplayName: Enter the person's full name", badEmail.Error);
        Assert.Equal(2, noOrganisation.ExitCode);
        Assert.Contains("no organisation with ODS code, ONS code or id 'XX999'", noOrganisation.Error);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Equal(people, await ScalarAsync("SELECT COUNT(*) FROM People"));
    }

    [Fact]
    public async Task TokensCreate_PrintsTheTokenAloneOnTheLastLineAndStoresOnlyItsHash()
    {
        await _cli.RunAsync("demo");

        var result = await _cli.RunAsync("tokens", "create", "--email", "lead@demo.concordat.example", "--name", "Nightly export");

        Assert.Equal(0, result.ExitCode);
        var token = result.OutputLines[^1];
        Assert.Matches("^cc_[A-Za-z0-9_-]{43}$", token);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        Assert.Equal(1, await ScalarAsync($"SELECT COUNT(*) FROM ApiTokens WHERE SecretHash = '{hash}' AND Name = 'Nightly export'"));
    }

    [Fact]
    public async Task TokensCreate_UnknownPerson_ExitsTwo()
    {
        await _cli.RunAsync("migrate");

        var result = await _cli.RunAsync("tokens", "create", "--email", "nobody@example.org");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no person with email nobody@example.org", result.Error);
    }

    [Fact]
    public async Task Backup_WritesAConsistentCopyAndRefusesToOverwrite()
    {
        await _cli.RunAsync("demo");
        var target = Path.Combine(_cli.WorkingDirectory, "backups", "concordat-backup.db");

        var first = await _cli.RunAsync("backup", target);
        var again = await _cli.RunAsync("backup", target);
        var forced = await _cli.RunAsync("backup", target, "--overwrite");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(18, await ScalarAsync("SELECT COUNT(*) FROM Organisations", $"Data Source={target};Pooling=False"));
    }

    [Fact]
    public async Task Backup_OnPostgres_ExplainsPgDump()
    {
        var result = await _cli.WithEnvironment("Database__Provider", "Postgres")
            .WithEnvironment("ConnectionStrings__Concordat", "Host=127.0.0.1;Database=concordat")
            .RunAsync("backup", "out.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pg_dump", result.Error);
    }

    [Fact]
    public async Task Migrate_OnPostgres_AppliesTheMigrations()
    {
        var server = Environment.GetEnvironmentVariable("CONCORDAT_TEST_POSTGRES");
        Assert.SkipWhen(server is null, "CONCORDAT_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL server and sets it.");
        var database = $"concordat_cli_{Guid.NewGuid():N}";
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();

        var first = await _cli.WithEnvironment("Database__Provider", "Postgres").WithEnvironment("ConnectionStrings__Concordat", connection).RunAsync("demo");
        var second = await _cli.RunAsync("migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Created the demo workspace", first.Output);
        Assert.Equal("The database is already up to date.", second.Output.Trim());
    }
}
