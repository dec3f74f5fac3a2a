using System.Globalization;

namespace Concordat.Import.Bench;

/// <summary>The command line: <c>--rows</c>, <c>--runs</c> and, to include PostgreSQL, <c>--postgres</c>.</summary>
internal sealed record BenchOptions(int Rows, int Runs, string? Postgres)
{
    public const string Usage = """
        Usage: Concordat.Import.Bench [--rows N] [--runs N] [--postgres "<Npgsql connection string>"]

          --rows      observations in the file (default 1000000)
          --runs      timed runs for each database; figures are medians (default 3)
          --postgres  a PostgreSQL server to compare against psql's \copy, for example
                      "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres". The user must be able to
                      create databases; a throwaway database is created and dropped.
        """;

    /// <exception cref="ArgumentException">An option is unknown or its value is missing or out of range.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(1_000_000, 3, null);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rows" => options with { Rows = Positive("--rows", Value()) },
                "--runs" => options with { Runs = Positive("--runs", Value()) },
                "--postgres" => options with { Postgres = Value() },
                var other => throw new ArgumentException($"Unknown option {other}."),
            };
        }
        return options;
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a whole number above 0.");
}
