using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core;
using Concordat.Core.Data;
using Concordat.Core.Operations;
using Concordat.Core.Words;
using Microsoft.Extensions.Configuration;

namespace Concordat.Cli.Database;

internal static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the backup (a SQLite database file)." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists." };
        var command = new Command("backup", "Take a consistent online backup of the SQLite database while Concordat runs. " +
            "For PostgreSQL use pg_dump, for example: pg_dump --format=custom --file=concordat.dump \"$DATABASE_URL\".")
        {
            file,
            overwrite,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (_, _) =>
        {
            var configuration = CliHost.Configuration(parse);
            var provider = configuration.GetSection("Database").Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
            if (provider == DatabaseProvider.Postgres)
            {
                throw new CliUsageException("backup copies SQLite databases. For PostgreSQL use pg_dump, for example: " +
                    "pg_dump --format=custom --file=concordat.dump --dbname=\"postgresql://user@host/concordat\" (restore with pg_restore). See docs/operations.md.");
            }
            var target = parse.GetValue(file)!;
            if (target.Exists && !parse.GetValue(overwrite))
            {
                throw new CliUsageException($"{target.FullName} already exists. Choose another file or add --overwrite.");
            }
            var connection = configuration.GetConnectionString("Concordat") ?? CoreServices.DefaultSqliteConnectionString;
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
            if (!File.Exists(source))
            {
                throw new CliUsageException($"There is no database at {Path.GetFullPath(source)}.");
            }
            if (target.Exists)
            {
                target.Delete();
            }
            SqliteBackup.Run(connection, target.FullName);
            Console.WriteLine($"Backed up {Path.GetFullPath(source)} to {target.FullName} ({Prose.Count(new FileInfo(target.FullName).Length, "byte")}).");
            await Task.CompletedTask;
            return 0;
        }, ct));
        return command;
    }
}
