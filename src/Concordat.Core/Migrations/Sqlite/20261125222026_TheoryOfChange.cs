using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concordat.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TheoryOfChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeIdeas",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    WhoseBehaviour = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WhatDifferently = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhysicalCapability = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PsychologicalCapability = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PhysicalOpportunity = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SocialOpportunity = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReflectiveMotivation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AutomaticMotivation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Functions = table.Column<int>(type: "INTEGER", nullable: false),
                    Levers = table.Column<int>(type: "INTEGER", nullable: false),
                    LeverDetails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeIdeas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeIdeas_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Drivers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drivers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Drivers_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChangeIdeaContributions",
                columns: table => new
                {
                    ChangeIdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeIdeaContributions", x => new { x.ChangeIdeaId, x.ContributionId });
                    table.ForeignKey(
                        name: "FK_ChangeIdeaContributions_ChangeIdeas_ChangeIdeaId",
                        column: x => x.ChangeIdeaId,
                        principalTable: "ChangeIdeas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeIdeaContributions_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ChangeIdeaDrivers",
                columns: table => new
                {
                    ChangeIdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondaryDriverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeIdeaDrivers", x => new { x.ChangeIdeaId, x.SecondaryDriverId });
                    table.ForeignKey(
                        name: "FK_ChangeIdeaDrivers_ChangeIdeas_ChangeIdeaId",
                        column: x => x.ChangeIdeaId,
                        principalTable: "ChangeIdeas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeIdeaDrivers_Drivers_SecondaryDriverId",
                        column: x => x.SecondaryDriverId,
                        principalTable: "Drivers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DriverLinks",
                columns: table => new
                {
                    PrimaryDriverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecondaryDriverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriverLinks", x => new { x.PrimaryDriverId, x.SecondaryDriverId });
                    table.ForeignKey(
                        name: "FK_DriverLinks_Drivers_PrimaryDriverId",
                        column: x => x.PrimaryDriverId,
                        principalTable: "Drivers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DriverLinks_Drivers_SecondaryDriverId",
                        column: x => x.SecondaryDriverId,
                        principalTable: "Drivers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DriverMeasures",
                columns: table => new
                {
                    DriverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriverMeasures", x => new { x.DriverId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_DriverMeasures_Drivers_DriverId",
                        column: x => x.DriverId,
                        principalTable: "Drivers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DriverMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeIdeaContributions_ContributionId",
                table: "ChangeIdeaContributions",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeIdeaContributions_SystemId",
                table: "ChangeIdeaContributions",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeIdeaDrivers_SecondaryDriverId",
                table: "ChangeIdeaDrivers",
                column: "SecondaryDriverId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeIdeaDrivers_SystemId",
                table: "ChangeIdeaDrivers",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeIdeas_GoalId",
                table: "ChangeIdeas",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeIdeas_SystemId",
                table: "ChangeIdeas",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverLinks_SecondaryDriverId",
                table: "DriverLinks",
                column: "SecondaryDriverId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverLinks_SystemId",
                table: "DriverLinks",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverMeasures_MeasureId",
                table: "DriverMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverMeasures_SystemId",
                table: "DriverMeasures",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Drivers_GoalId",
                table: "Drivers",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Drivers_SystemId",
                table: "Drivers",
                column: "SystemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeIdeaContributions");

            migrationBuilder.DropTable(
                name: "ChangeIdeaDrivers");

            migrationBuilder.DropTable(
                name: "DriverLinks");

            migrationBuilder.DropTable(
                name: "DriverMeasures");

            migrationBuilder.DropTable(
                name: "ChangeIdeas");

            migrationBuilder.DropTable(
                name: "Drivers");
        }
    }
}
