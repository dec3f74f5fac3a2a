using Concordat.Core.History;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.History;

public abstract class AuditChainTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task AuditAsync(TestSystem system, string name)
    {
        await using var scope = App.Database(system.Id);
        scope.Db.AuditEvents.Add(new AuditEvent
        {
            SystemId = system.Id, OccurredAtUtc = DateTime.UtcNow, ActorName = "Cara Convenor", Action = "OrganisationAdded", EntityType = "Organisation",
            EntityId = Guid.NewGuid(), EntityName = name, AfterJson = """{"Name":"x"}""",
        });
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<AuditVerification> VerifyAsync(TestSystem system)
    {
        await using var scope = App.Database();
        return await AuditChain.VerifyAsync(scope.Db, system.Id, Ct);
    }

    [Fact]
    public async Task WritersAuditingAtOnce_AreChainedOneAfterAnother()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        const int Writers = 16;
        var before = (await VerifyAsync(system)).Entries;

        // Direct writes and whole requests (whose audit is written by db.Audit) in the same system at the same time.
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(n => Task.Run(async () =>
        {
            if (n % 2 == 0)
            {
                await AuditAsync(system, $"Partner {n}");
            }
            else
            {
                await GoalApi.DraftAsync(convenor, system, $"Goal {n}");
            }
        }, Ct)));
        var result = await VerifyAsync(system);

        await using var scope = App.Database(system.Id);
        var places = await scope.Db.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct);
        Assert.Null(result.Break);
        Assert.Equal(places.Count, result.Entries);
        Assert.Equal(Enumerable.Range(1, places.Count).Select(n => (long)n), places);
        Assert.Equal(before + Writers, places.Count);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrRemoveAnEntry_AndTheApplicationRefusesFirst()
    {
        var system = await App.CreateSystemAsync();
        await AuditAsync(system, "First partner");
        await AuditAsync(system, "Second partner");
        await using var scope = App.Database(system.Id);

        async Task Refused(Func<Task> write) =>
            Assert.Contains(AuditTriggers.Refusal, (await Assert.ThrowsAnyAsync<Exception>(write)).ToString(), StringComparison.Ordinal);
        await Refused(() => scope.Db.AuditEvents.ExecuteUpdateAsync(s => s.SetProperty(e => e.EntityName, "Rewritten"), Ct));
        await Refused(() => scope.Db.AuditEvents.ExecuteDeleteAsync(Ct));
        await Refused(() => scope.Db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "EntityName" = 'Rewritten' WHERE "SystemId" = {system.Id}""", Ct));
        await Refused(() => scope.Db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "SystemId" = {system.Id}""", Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => scope.Db.Systems.Where(s => s.Id == system.Id).ExecuteDeleteAsync(Ct));
        if (App.Kind == DatabaseKind.Postgres)
        {
            await Refused(() => scope.Db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\"", Ct));
        }
        var tracked = await scope.Db.AuditEvents.FirstAsync(Ct);
        scope.Db.Entry(tracked).Property(e => e.EntityName).CurrentValue = "Rewritten";
        Assert.Equal(AuditTriggers.Refusal, (await Assert.ThrowsAsync<InvalidOperationException>(() => scope.Db.SaveChangesAsync(Ct))).Message);
        scope.Db.ChangeTracker.Clear();

        Assert.Equal(["First partner", "Second partner"], await scope.Db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.EntityName).ToListAsync(Ct));
        Assert.Null((await VerifyAsync(system)).Break);
    }

    [Fact]
    public async Task AnEntryChangedBySomeoneWhoSetsTheTriggerAside_IsTheFirstBreakFound()
    {
        var system = await App.CreateSystemAsync();
        foreach (var n in Enumerable.Range(1, 4))
        {
            await AuditAsync(system, $"Partner {n}");
        }
        await using var scope = App.Database(system.Id);
        var third = await scope.Db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 3, Ct);

        // In one transaction, so that other tests on the same database never see the trigger missing.
        await using (var transaction = await scope.Db.Database.BeginTransactionAsync(Ct))
        {
            string? recreate = null;
            if (App.Kind == DatabaseKind.Postgres)
            {
                await scope.Db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_never_change" """, Ct);
            }
            else
            {
                recreate = await scope.Db.Database.SqlQueryRaw<string>("""SELECT sql AS "Value" FROM sqlite_master WHERE name = 'AuditEvents_never_change'""").SingleAsync(Ct);
                await scope.Db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_never_change" """, Ct);
            }
            await scope.Db.Database.ExecuteSqlAsync($"""UPDATE "AuditEvents" SET "EntityName" = 'Partner 3 (renamed)' WHERE "Id" = {third.Id}""", Ct);
            await scope.Db.Database.ExecuteSqlRawAsync(recreate ?? """ALTER TABLE "AuditEvents" ENABLE TRIGGER "AuditEvents_never_change" """, Ct);
            await transaction.CommitAsync(Ct);
        }
        var result = await VerifyAsync(system);

        Assert.Equal(2, result.Entries);
        Assert.Equal((third.Id, 3L, "OrganisationAdded"), (result.Break!.Id, result.Break.Sequence, result.Break.Action));
        Assert.Contains("its fields do not match its hash", result.Break.Reason, StringComparison.Ordinal);
    }
}

public sealed class AuditChainSqliteTests(SqliteApp app) : AuditChainTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AuditChainPostgresTests(PostgresApp app) : AuditChainTests(app, DatabaseKind.Postgres);
