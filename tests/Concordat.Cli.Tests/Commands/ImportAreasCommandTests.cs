using Microsoft.Data.Sqlite;

namespace Concordat.Cli.Tests.Commands;

/// <summary><c>concordat import areas</c> with the excerpt of the ONS code list that ships in data/reference.</summary>
public sealed class ImportAreasCommandTests : IDisposable
{
    private static readonly string Excerpt = Path.Combine(AppContext.BaseDirectory, "Data", "ons-areas.csv");
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string?> NameOfAsync(string code)
    {
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Name || ' / ' || Type || ' / ' || COALESCE(ParentCode, '-') FROM Areas WHERE Code = $code";
        command.Parameters.AddWithValue("$code", code);
        return (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ImportAreas_TheShippedExcerpt_AddsEveryArea_AndAgainChangesNothing()
    {
        await _cli.RunAsync("migrate");

        var first = await _cli.RunAsync("import", "areas", Excerpt);
        var again = await _cli.RunAsync("import", "areas", Excerpt);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("Imported ons-areas.csv: 21 areas added, 0 changed, 0 unchanged.", first.Output.Trim());
        Assert.Equal("Imported ons-areas.csv: 0 areas added, 0 changed, 21 unchanged.", again.Output.Trim());
        Assert.Equal("Cambridge / District / E10000003", await NameOfAsync("E07000008"));
        Assert.Equal("NHS North East and North Cumbria ICB - 84H / SubIcbLocation / E54000050", await NameOfAsync("E38000234"));
    }

    [Fact]
    public async Task ImportAreas_ABadRow_IsNamedByItsRow_AndNothingIsImported()
    {
        await _cli.RunAsync("migrate");
        var file = Path.Combine(_cli.WorkingDirectory, "lad.csv");
        await File.WriteAllTextAsync(file, "LAD24CD,LAD24NM\nE06000047,County Durham\nE0600005,Darlington\n", TestContext.Current.CancellationToken);

        var result = await _cli.RunAsync("import", "areas", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Row 3, LAD24CD: E0600005 is not an ONS code", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: lad.csv has 1 problem.", result.Error, StringComparison.Ordinal);
        Assert.Null(await NameOfAsync("E06000047"));
    }
}
