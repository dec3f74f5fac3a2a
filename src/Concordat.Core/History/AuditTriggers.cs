using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Concordat.Core.History;

/// <summary>
/// Database triggers that refuse any change to or removal of an audit entry, whatever the code path (bulk updates,
/// raw SQL, another tool). The application refuses too, and the hash chain shows a change made by someone able to
/// set the triggers aside (see <see cref="AuditChain"/>); the triggers stop the honest mistake.
/// </summary>
/// <remarks>
/// Nothing in Concordat deletes a system, and the audit's foreign key to its system is <c>Restrict</c>, so no cascade
/// runs into these triggers; tests remove their databases whole. EF Core cannot express triggers in the model, so the
/// initial migration of each provider calls <see cref="Create"/> at the end of its <c>Up</c> (see
/// scripts/regenerate-migrations.sh); the audit chain tests fail without it.
/// </remarks>
public static class AuditTriggers
{
    public const string Refusal = "An audit entry cannot be changed or removed.";

    public static void Create(MigrationBuilder migration)
    {
        if (migration.IsNpgsql())
        {
            migration.Sql($"""
                CREATE FUNCTION audit_events_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '{Refusal}';
                END $$;
                """);
            migration.Sql("""
                CREATE TRIGGER "AuditEvents_never_change" BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION audit_events_never_change();
                """);
            migration.Sql("""
                CREATE TRIGGER "AuditEvents_never_truncated" BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_never_change();
                """);
        }
        else if (migration.IsSqlite())
        {
            migration.Sql($"""
                CREATE TRIGGER "AuditEvents_never_change" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
            migration.Sql($"""
                CREATE TRIGGER "AuditEvents_never_removed" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;
                """);
        }
        else
        {
            throw new NotSupportedException($"No audit triggers for {migration.ActiveProvider}.");
        }
    }
}
