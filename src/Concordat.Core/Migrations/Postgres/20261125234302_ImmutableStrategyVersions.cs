using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concordat.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImmutableStrategyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The application refuses to change a published version; these make the database refuse too, whatever
            // the code path (bulk updates, raw SQL, another tool).
            migrationBuilder.Sql("""
                CREATE FUNCTION strategy_versions_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'A published strategy version cannot be changed or removed.';
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "StrategyVersions_never_change" BEFORE UPDATE OR DELETE ON "StrategyVersions"
                FOR EACH ROW EXECUTE FUNCTION strategy_versions_never_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "StrategyVersions_never_truncated" BEFORE TRUNCATE ON "StrategyVersions"
                FOR EACH STATEMENT EXECUTE FUNCTION strategy_versions_never_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "StrategyVersions_never_truncated" ON "StrategyVersions";""");
            migrationBuilder.Sql("""DROP TRIGGER "StrategyVersions_never_change" ON "StrategyVersions";""");
            migrationBuilder.Sql("DROP FUNCTION strategy_versions_never_change();");
        }
    }
}
