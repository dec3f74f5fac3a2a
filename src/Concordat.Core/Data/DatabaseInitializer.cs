using Concordat.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Core.Data;

/// <summary>Brings a database up to date, and on SQLite turns on write-ahead logging.</summary>
public sealed class DatabaseInitializer(ConcordatDb db, IServiceProvider services)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        // Before the first release the migrations are folded into one initial migration per provider, so a
        // database made by an earlier development build names migrations this build no longer has.
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseFromEarlierBuildException(
                $"This database was made by an earlier development build of Concordat (it has the migration {unknown[0]}, which this " +
                "build folded into its initial migration). Move the database aside or delete it and start again; nothing has been changed.");
        }
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while one writer commits; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>Creates the demo workspace when the database has no systems at all; returns whether it did.</summary>
    public async Task<bool> SeedDemoIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Systems.AnyAsync(ct))
        {
            return false;
        }
        await services.GetRequiredService<DemoWorkspace>().CreateAsync(ct);
        return true;
    }
}

/// <summary>The database names migrations this build does not have; migrating it would fail half way.</summary>
public sealed class DatabaseFromEarlierBuildException(string message) : Exception(message);
