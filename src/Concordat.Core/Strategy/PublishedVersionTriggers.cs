using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Concordat.Core.Strategy;

/// <summary>
/// Database triggers that refuse any change to a published strategy version, whatever the code path (bulk
/// updates, raw SQL, another tool); the application refuses too, but the database is the last word.
/// </summary>
/// <remarks>
/// EF Core cannot express triggers in the model, so the initial migration of each provider calls
/// <see cref="Create"/> at the end of its <c>Up</c>. When the initial migration is regenerated, keep that call:
/// the strategy version tests fail without it.
/// </remarks>
public static class PublishedVersionTriggers
{
    public const string Refusal = "A published strategy version cannot be changed or removed.";

    public static void Create(MigrationBuilder migration)
    {
        if (migration.IsNpgsql())
        {
            migration.Sql($"""
                CREATE FUNCTION strategy_versions_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{Refusal}';
                END $$;
                """);
            migration.Sql("""
                CREATE TRIGGER "StrategyVersions_never_change" BEFORE UPDATE OR DELETE ON "StrategyVersions"
                FOR EACH ROW EXECUTE FUNCTION strategy_versions_never_change();
                """);
            migration.Sql("""
                CREATE TRIGGER "StrategyVersions_never_truncated" BEFORE TRUNCATE ON "StrategyVersions"
                FOR EACH STATEMENT EXECUTE FUNCTION strategy_versions_never_change();
                """);
        }
        else if (migration.IsSqlite())
        {
            migration.Sql($"""
                CREATE TRIGGER "StrategyVersions_never_change" BEFORE UPDATE ON "StrategyVersions"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
            migration.Sql($"""
                CREATE TRIGGER "StrategyVersions_never_removed" BEFORE DELETE ON "StrategyVersions"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
        }
        else
        {
            throw new NotSupportedException($"No published-version triggers for {migration.ActiveProvider}.");
        }
    }
}
