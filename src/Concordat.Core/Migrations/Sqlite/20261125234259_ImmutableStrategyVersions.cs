using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concordat.Core.Migrations.Sqlite
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
                CREATE TRIGGER "StrategyVersions_never_change" BEFORE UPDATE ON "StrategyVersions"
                BEGIN SELECT RAISE(ABORT, 'A published strategy version cannot be changed or removed.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "StrategyVersions_never_removed" BEFORE DELETE ON "StrategyVersions"
                BEGIN SELECT RAISE(ABORT, 'A published strategy version cannot be changed or removed.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "StrategyVersions_never_change";""");
            migrationBuilder.Sql("""DROP TRIGGER "StrategyVersions_never_removed";""");
        }
    }
}
