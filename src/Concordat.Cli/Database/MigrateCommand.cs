using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Database;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database or bring it up to date with this version of Concordat.");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var db = services.GetRequiredService<ConcordatDb>();
            var pending = (await db.Database.GetPendingMigrationsAsync(token)).ToList();
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(token);
            Console.WriteLine(pending.Count == 0
                ? "The database is already up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        }, ct));
        return command;
    }
}
