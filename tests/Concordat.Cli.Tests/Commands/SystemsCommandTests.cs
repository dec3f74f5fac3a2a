using Microsoft.Data.Sqlite;

namespace Concordat.Cli.Tests.Commands;

public sealed class SystemsCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task SystemsAdd_CreatesTheSystemItsConvenorsOrganisationAndTheConvenor_AndPrintsTheInvitationLink()
    {
        await _cli.RunAsync("migrate");

        var result = await _cli.RunAsync("systems", "add", "--name", "Westvale ICS", "--convenor-email", "fern@westvale.example", "--convenor-name", "Fern First",
            "--organisation", "NHS Westvale Integrated Care Board", "--ods-code", "qw1", "--base-url", "https://concordat.example.nhs.uk/");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("Created Westvale ICS (", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("https://concordat.example.nhs.uk/invitation/inv_", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Systems WHERE Name = 'Westvale ICS'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Organisations WHERE OdsCode = 'QW1' AND Type = 'IntegratedCareBoard'"));
        Assert.Equal(1, await ScalarAsync("""
            SELECT COUNT(*) FROM Memberships m JOIN People p ON p.Id = m.PersonId JOIN Invitations i ON i.PersonId = p.Id
            WHERE p.Email = 'fern@westvale.example' AND m.Role = 'Convenor' AND p.PasswordHash IS NULL
            """));
        Assert.Equal(3, await ScalarAsync("""
            SELECT COUNT(*) FROM AuditEvents WHERE Action IN ('SystemCreated', 'OrganisationAdded', 'PersonAdded') AND ActorName = 'Operator (command line)'
            """));
    }

    [Fact]
    public async Task SystemsAdd_BadInput_ExitsTwoNamingEachField_AndWritesNothing()
    {
        await _cli.RunAsync("demo");

        var taken = await _cli.RunAsync("systems", "add", "--name", "northshire and eastvale ics", "--convenor-email", "not-an-email",
            "--organisation", "NHS Westvale Integrated Care Board");
        var national = await _cli.RunAsync("systems", "add", "--name", "Westvale ICS", "--convenor-email", "fern@westvale.example", "--convenor-name", "Fern First",
            "--organisation", "NHS England", "--organisation-type", "NationalBody");

        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("error: Name: A system called Northshire and Eastvale ICS already exists: choose another name", taken.Error, StringComparison.Ordinal);
        Assert.Contains("error: ConvenorName: Enter the person's full name", taken.Error, StringComparison.Ordinal);
        Assert.Contains("error: ConvenorEmail: Enter an email address in the correct format", taken.Error, StringComparison.Ordinal);
        Assert.Equal(2, national.ExitCode);
        Assert.Contains("error: OrganisationType: A convenor acts for one of the system's partners, not a national body", national.Error, StringComparison.Ordinal);
        Assert.Equal(3, await ScalarAsync("SELECT COUNT(*) FROM Systems"));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM People WHERE Email = 'fern@westvale.example'"));
    }

    [Fact]
    public async Task SystemsRename_RenamesIt_AndIsAuditedAsTheOperator_ButNotToATakenName()
    {
        await _cli.RunAsync("demo");
        await _cli.RunAsync("systems", "add", "--name", "Westvale ICS", "--convenor-email", "fern@westvale.example", "--convenor-name", "Fern First",
            "--organisation", "NHS Westvale Integrated Care Board");

        var renamed = await _cli.RunAsync("systems", "rename", "--system", "Westvale ICS", "--name", "Westvale and Southmoor ICS");
        var taken = await _cli.RunAsync("systems", "rename", "--system", "Westvale and Southmoor ICS", "--name", "Northshire and Eastvale ICS");
        var missing = await _cli.RunAsync("systems", "rename", "--system", "Westvale ICS", "--name", "Anything");

        Assert.True(renamed.ExitCode == 0, renamed.Error);
        Assert.Equal("The system is now called Westvale and Southmoor ICS.", renamed.Output.Trim());
        Assert.Equal(2, taken.ExitCode);
        Assert.Contains("error: Name: A system called Northshire and Eastvale ICS already exists", taken.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no system with id or name 'Westvale ICS'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM Systems WHERE Name = 'Westvale and Southmoor ICS'"));
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM AuditEvents WHERE Action = 'SystemRenamed' AND EntityName = 'Westvale and Southmoor ICS' AND ActorName = 'Operator (command line)'"));
    }
}
