using Microsoft.Data.Sqlite;

namespace Concordat.Cli.Tests.Commands;

public sealed class NationalBodiesCommandTests : IDisposable
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
    public async Task NationalBodies_AddListAndAppoint_RefusingAPersonOfASystem_AndADuplicateName()
    {
        await _cli.RunAsync("demo");

        var added = await _cli.RunAsync("national-bodies", "add", "--name", "Office for Local Government", "--kind", "HousingCommunitiesAndLocalGovernment");
        var duplicate = await _cli.RunAsync("national-bodies", "add", "--name", "office for local government");
        var weak = await _cli.RunWithInputAsync("short\n", "national-bodies", "appoint", "--body", "Office for Local Government", "--email", "olga@oflog.example",
            "--name", "Olga Oflog", "--password-stdin");
        var appointed = await _cli.RunWithInputAsync("a long and strong passphrase\n", "national-bodies", "appoint", "--body", "Office for Local Government",
            "--email", "olga@oflog.example", "--name", "Olga Oflog", "--team", "Data", "--password-stdin");
        var systemPerson = await _cli.RunAsync("national-bodies", "appoint", "--body", "Care Quality Commission", "--email", "lead@demo.concordat.example");
        var unknown = await _cli.RunAsync("national-bodies", "appoint", "--body", "Ministry of Magic", "--email", "x@example.org", "--name", "X");
        var list = await _cli.RunAsync("national-bodies", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.StartsWith("Added Office for Local Government (", added.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("error: Name: A national body called Office for Local Government already exists: choose another name", duplicate.Error, StringComparison.Ordinal);
        Assert.True(appointed.ExitCode == 0, appointed.Error);
        Assert.Equal(["Olga Oflog (olga@oflog.example) is a national partner of Office for Local Government.", "They sign in with the password given."],
            appointed.OutputLines);
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("error: Password:", weak.Error, StringComparison.Ordinal);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM People WHERE Email = 'olga@oflog.example' AND PasswordHash IS NOT NULL"));
        Assert.Equal(2, systemPerson.ExitCode);
        Assert.Contains("error: Email: lead@demo.concordat.example holds a role in a system", systemPerson.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("There is no national body with the id or name 'Ministry of Magic'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains(list.OutputLines, l => l.EndsWith("Office for Local Government (Government department (local government); 1 national partner)", StringComparison.Ordinal));
        Assert.Contains(list.OutputLines, l => l.EndsWith("Care Quality Commission (Regulator (care quality); 1 national partner)", StringComparison.Ordinal));
        Assert.Equal(1, await ScalarAsync("""
            SELECT COUNT(*) FROM NationalPartners p JOIN People u ON u.Id = p.PersonId JOIN NationalBodies b ON b.Id = p.NationalBodyId
            WHERE u.Email = 'olga@oflog.example' AND b.Name = 'Office for Local Government' AND p.Team = 'Data' AND p.AppointedByName = 'Operator (command line)'
            """));
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM Memberships m JOIN People u ON u.Id = m.PersonId WHERE u.Email LIKE 'national@%' OR u.Email LIKE 'cqc@%'"));
    }
}
