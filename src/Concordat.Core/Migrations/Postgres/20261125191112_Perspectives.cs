using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concordat.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Perspectives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Perspectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    WhatItMeans = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WhatWeNeed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WhatWorriesUs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedByPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Perspectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Perspectives_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Perspectives_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Perspectives_GoalId_OrganisationId",
                table: "Perspectives",
                columns: new[] { "GoalId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Perspectives_OrganisationId",
                table: "Perspectives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Perspectives_SystemId",
                table: "Perspectives",
                column: "SystemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Perspectives");
        }
    }
}
