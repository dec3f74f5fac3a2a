using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concordat.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Count",
                table: "Observations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Denominator",
                table: "Observations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LowerCi",
                table: "Observations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "UpperCi",
                table: "Observations",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AreaCode",
                table: "Measures",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "Measures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Number");

            migrationBuilder.AddColumn<string>(
                name: "Geography",
                table: "Measures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "System");

            migrationBuilder.AddColumn<Guid>(
                name: "GeographyOrganisationId",
                table: "Measures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PlaceId",
                table: "Measures",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKind",
                table: "Measures",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Local");

            migrationBuilder.AddColumn<int>(
                name: "StaleAfterDays",
                table: "Measures",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MeasureRebases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureRebases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureRebases_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ObservationUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rows = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObservationUploads_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrajectoryPoints",
                columns: table => new
                {
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrajectoryPoints", x => new { x.MeasureId, x.PeriodStart });
                    table.ForeignKey(
                        name: "FK_TrajectoryPoints_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Measures_GeographyOrganisationId",
                table: "Measures",
                column: "GeographyOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_PlaceId",
                table: "Measures",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureRebases_MeasureId_PeriodStart",
                table: "MeasureRebases",
                columns: new[] { "MeasureId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureRebases_SystemId",
                table: "MeasureRebases",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ObservationUploads_MeasureId",
                table: "ObservationUploads",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_ObservationUploads_SystemId",
                table: "ObservationUploads",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryPoints_SystemId",
                table: "TrajectoryPoints",
                column: "SystemId");

            migrationBuilder.AddForeignKey(
                name: "FK_Measures_Organisations_GeographyOrganisationId",
                table: "Measures",
                column: "GeographyOrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Measures_Places_PlaceId",
                table: "Measures",
                column: "PlaceId",
                principalTable: "Places",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Measures_Organisations_GeographyOrganisationId",
                table: "Measures");

            migrationBuilder.DropForeignKey(
                name: "FK_Measures_Places_PlaceId",
                table: "Measures");

            migrationBuilder.DropTable(
                name: "MeasureRebases");

            migrationBuilder.DropTable(
                name: "ObservationUploads");

            migrationBuilder.DropTable(
                name: "TrajectoryPoints");

            migrationBuilder.DropIndex(
                name: "IX_Measures_GeographyOrganisationId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Measures_PlaceId",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "Observations");

            migrationBuilder.DropColumn(
                name: "Denominator",
                table: "Observations");

            migrationBuilder.DropColumn(
                name: "LowerCi",
                table: "Observations");

            migrationBuilder.DropColumn(
                name: "UpperCi",
                table: "Observations");

            migrationBuilder.DropColumn(
                name: "AreaCode",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Geography",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "GeographyOrganisationId",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "PlaceId",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "SourceKind",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "StaleAfterDays",
                table: "Measures");
        }
    }
}
