using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Concordat.Core.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Resources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GoalNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Quantity = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GoalNeeds_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PooledFunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HostOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PoolManager = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FinancialYear = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PooledFunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PooledFunds_Organisations_HostOrganisationId",
                        column: x => x.HostOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PooledFunds_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<double>(type: "double precision", nullable: false),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AvailableCapacity = table.Column<double>(type: "double precision", nullable: false),
                    PlaceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    OpeningHours = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DataOwner = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HasDataSharingAgreement = table.Column<bool>(type: "boolean", nullable: true),
                    FundingSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FinancialYear = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    IsRecurrent = table.Column<bool>(type: "boolean", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Resources_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Resources_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Resources_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PooledFundContributions",
                columns: table => new
                {
                    PooledFundId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PooledFundContributions", x => new { x.PooledFundId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_PooledFundContributions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PooledFundContributions_PooledFunds_PooledFundId",
                        column: x => x.PooledFundId,
                        principalTable: "PooledFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PooledFundSchemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    PooledFundId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PooledFundSchemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PooledFundSchemes_PooledFunds_PooledFundId",
                        column: x => x.PooledFundId,
                        principalTable: "PooledFunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContributionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<double>(type: "double precision", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OverCommitmentReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceCommitments_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceCommitments_Resources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "Resources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PooledFundSchemeGoals",
                columns: table => new
                {
                    SchemeId = table.Column<Guid>(type: "uuid", nullable: false),
                    GoalId = table.Column<Guid>(type: "uuid", nullable: false),
                    SystemId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PooledFundSchemeGoals", x => new { x.SchemeId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_PooledFundSchemeGoals_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PooledFundSchemeGoals_PooledFundSchemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "PooledFundSchemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoalNeeds_GoalId",
                table: "GoalNeeds",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalNeeds_SystemId",
                table: "GoalNeeds",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFundContributions_OrganisationId",
                table: "PooledFundContributions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFundContributions_SystemId",
                table: "PooledFundContributions",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFunds_HostOrganisationId",
                table: "PooledFunds",
                column: "HostOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFunds_SystemId",
                table: "PooledFunds",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFundSchemeGoals_GoalId",
                table: "PooledFundSchemeGoals",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFundSchemeGoals_SystemId",
                table: "PooledFundSchemeGoals",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFundSchemes_PooledFundId",
                table: "PooledFundSchemes",
                column: "PooledFundId");

            migrationBuilder.CreateIndex(
                name: "IX_PooledFundSchemes_SystemId",
                table: "PooledFundSchemes",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceCommitments_ContributionId",
                table: "ResourceCommitments",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceCommitments_ResourceId",
                table: "ResourceCommitments",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceCommitments_SystemId",
                table: "ResourceCommitments",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_OrganisationId",
                table: "Resources",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_PlaceId",
                table: "Resources",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Resources_SystemId_Kind",
                table: "Resources",
                columns: new[] { "SystemId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoalNeeds");

            migrationBuilder.DropTable(
                name: "PooledFundContributions");

            migrationBuilder.DropTable(
                name: "PooledFundSchemeGoals");

            migrationBuilder.DropTable(
                name: "ResourceCommitments");

            migrationBuilder.DropTable(
                name: "PooledFundSchemes");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropTable(
                name: "PooledFunds");
        }
    }
}
