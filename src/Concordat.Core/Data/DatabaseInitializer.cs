using Concordat.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Core.Data;

/// <summary>Brings a database up to date, and on SQLite turns on write-ahead logging.</summary>
public sealed class DatabaseInitializer(ConcordatDb db, IServiceProvider services)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
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
