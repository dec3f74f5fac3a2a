using System;
using Concordat.Core.History;
using Concordat.Core.Strategy;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Concordat.Core.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Areas",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Areas", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalBodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResponseDueWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IsAdministrator = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeactivatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Systems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StrategyIsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Systems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NationalThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NationalBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResponseDueAtSystems = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalThemes_NationalBodies_NationalBodyId",
                        column: x => x.NationalBodyId,
                        principalTable: "NationalBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_People_UserId",
                        column: x => x.UserId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NationalPartners",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NationalBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    AppointedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppointedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalPartners", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_NationalPartners_NationalBodies_NationalBodyId",
                        column: x => x.NationalBodyId,
                        principalTable: "NationalBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NationalPartners_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ambitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ambitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ambitions_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActingForOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActingForOrganisationName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    DelegationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntityName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: true),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditEvents_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invitations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Invitations_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IterationCadences",
                columns: table => new
                {
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IterationCadences", x => x.SystemId);
                    table.ForeignKey(
                        name: "FK_IterationCadences_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Iterations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewHeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RetrospectiveClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Iterations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Iterations_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OdsCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    OnsCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    CharityNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    CompanyNumber = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    IsPartner = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LocalAuthorityCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    SubIcbLocationCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    RetiredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Places_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategyNarratives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Vision = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Principles = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Context = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    EnablingStrategies = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyNarratives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyNarratives_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangesSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => new { x.PersonId, x.SystemId });
                    table.ForeignKey(
                        name: "FK_Visits_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Visits_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IterationSnapshotItems",
                columns: table => new
                {
                    IterationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BlockedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IterationSnapshotItems", x => new { x.IterationId, x.WorkItemId });
                    table.ForeignKey(
                        name: "FK_IterationSnapshotItems_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Asks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    NationalBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Barrier = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Granted = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConditionStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConditionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ImplementedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImpactReview = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Asks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Asks_NationalBodies_NationalBodyId",
                        column: x => x.NationalBodyId,
                        principalTable: "NationalBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Asks_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Asks_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Delegations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Capability = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DelegatePersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GrantedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GrantedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Delegations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Delegations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Delegations_People_DelegatePersonId",
                        column: x => x.DelegatePersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IterationParticipants",
                columns: table => new
                {
                    IterationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IterationParticipants", x => new { x.IterationId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_IterationParticipants_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IterationParticipants_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Memberships_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Memberships_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PooledFunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HostOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoolManager = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FinancialYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "RetrospectiveAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IterationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WentWell = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ToChange = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LearnedAboutPartners = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrospectiveAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RetrospectiveAnswers_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RetrospectiveAnswers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Workstreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeniorResponsibleOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workstreams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Workstreams_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Workstreams_People_SeniorResponsibleOwnerId",
                        column: x => x.SeniorResponsibleOwnerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Workstreams_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Forums",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TermsOfReference = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    TermsOfReferenceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Forums_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Forums_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Improvement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Geography = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GeographyOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PoolYears = table.Column<int>(type: "INTEGER", nullable: true),
                    ReleasedEvery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReleaseLag = table.Column<int>(type: "INTEGER", nullable: true),
                    ReleaseLagUnit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RelativeTargetKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RelativeTargetAmount = table.Column<double>(type: "REAL", nullable: true),
                    RelativeTargetReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RelativeTargetBaseline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RelativeTargetBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Measures_Organisations_GeographyOrganisationId",
                        column: x => x.GeographyOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Measures_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Neighbourhoods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Neighbourhoods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Neighbourhoods_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationPlaces",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationPlaces", x => new { x.OrganisationId, x.PlaceId });
                    table.ForeignKey(
                        name: "FK_OrganisationPlaces_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationPlaces_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<double>(type: "REAL", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AvailableCapacity = table.Column<double>(type: "REAL", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    OpeningHours = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DataOwner = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    HasDataSharingAgreement = table.Column<bool>(type: "INTEGER", nullable: true),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FinancialYear = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    IsRecurrent = table.Column<bool>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "RelatedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NarrativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelatedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RelatedDocuments_StrategyNarratives_NarrativeId",
                        column: x => x.NarrativeId,
                        principalTable: "StrategyNarratives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AskIterations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Barrier = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Request = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ByPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ForName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ThemeTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AskIterations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AskIterations_Asks_AskId",
                        column: x => x.AskId,
                        principalTable: "Asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AskIterations_NationalThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "NationalThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AskRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AskRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AskRounds_Asks_AskId",
                        column: x => x.AskId,
                        principalTable: "Asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AskRounds_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThemeAsks",
                columns: table => new
                {
                    ThemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LinkedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeAsks", x => new { x.ThemeId, x.AskId });
                    table.ForeignKey(
                        name: "FK_ThemeAsks_Asks_AskId",
                        column: x => x.AskId,
                        principalTable: "Asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ThemeAsks_NationalThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "NationalThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PooledFundContributions",
                columns: table => new
                {
                    PooledFundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountInPence = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProposedInPence = table.Column<long>(type: "INTEGER", nullable: true),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PooledFundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountInPence = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "WorkItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BlockedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BlockedOnOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IterationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkItems_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkItems_Organisations_BlockedOnOrganisationId",
                        column: x => x.BlockedOnOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItems_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkItems_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkItems_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkstreamOrganisations",
                columns: table => new
                {
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkstreamOrganisations", x => new { x.WorkstreamId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_WorkstreamOrganisations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkstreamOrganisations_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ForumMembers",
                columns: table => new
                {
                    ForumId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForumMembers", x => new { x.ForumId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_ForumMembers_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ForumMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OutcomeStatement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Population = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WholeSystem = table.Column<bool>(type: "INTEGER", nullable: false),
                    InequalityLens = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Horizon = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwningForumId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SeniorResponsibleOwner = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AmbitionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_Ambitions_AmbitionId",
                        column: x => x.AmbitionId,
                        principalTable: "Ambitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_Forums_OwningForumId",
                        column: x => x.OwningForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Goals_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RaidEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Likelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    Impact = table.Column<int>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Mitigation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResidualLikelihood = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidualImpact = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ForumId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckHow = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CheckOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssueImpact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaidEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RaidEntries_Forums_ForumId",
                        column: x => x.ForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RaidEntries_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RaidEntries_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StrategyVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChecksPassed = table.Column<int>(type: "INTEGER", nullable: false),
                    Checks = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreedByForumId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyVersions_Forums_AgreedByForumId",
                        column: x => x.AgreedByForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StrategyVersions_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "Observations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<double>(type: "REAL", nullable: true),
                    Denominator = table.Column<double>(type: "REAL", nullable: true),
                    LowerCi = table.Column<double>(type: "REAL", nullable: true),
                    UpperCi = table.Column<double>(type: "REAL", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Observations_Measures_MeasureId",
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

            migrationBuilder.CreateTable(
                name: "AskPositions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WouldResolve = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AskPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AskPositions_AskRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AskRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AskPositions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AskRoundResponses",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AskRoundResponses", x => new { x.RoundId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_AskRoundResponses_AskRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AskRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AskRoundResponses_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Dependencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsumerItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProducerItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CommittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dependencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dependencies_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Dependencies_WorkItems_ConsumerItemId",
                        column: x => x.ConsumerItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Dependencies_WorkItems_ProducerItemId",
                        column: x => x.ProducerItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IterationSlipNotes",
                columns: table => new
                {
                    IterationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IterationSlipNotes", x => new { x.IterationId, x.WorkItemId });
                    table.ForeignKey(
                        name: "FK_IterationSlipNotes_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IterationSlipNotes_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetrospectiveActions",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IterationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetrospectiveActions", x => x.WorkItemId);
                    table.ForeignKey(
                        name: "FK_RetrospectiveActions_Iterations_IterationId",
                        column: x => x.IterationId,
                        principalTable: "Iterations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RetrospectiveActions_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkItemComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AuthorPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AuthorOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkItemComments_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkItemOrganisations",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemOrganisations", x => new { x.WorkItemId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_WorkItemOrganisations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkItemOrganisations_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByForumId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CurrentRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementRounds_Forums_DecidedByForumId",
                        column: x => x.DecidedByForumId,
                        principalTable: "Forums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementRounds_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementRounds_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AskGoals",
                columns: table => new
                {
                    AskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AskGoals", x => new { x.AskId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_AskGoals_Asks_AskId",
                        column: x => x.AskId,
                        principalTable: "Asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AskGoals_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "Contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AccountablePerson = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Reviewer = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CheckInCadenceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contributions_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Contributions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "GoalJointOwners",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalJointOwners", x => new { x.GoalId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_GoalJointOwners_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalJointOwners_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GoalMeasures",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalMeasures", x => new { x.GoalId, x.MeasureId });
                    table.ForeignKey(
                        name: "FK_GoalMeasures_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GoalNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Types = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Quantity = table.Column<double>(type: "REAL", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "GoalPlace",
                columns: table => new
                {
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoalPlace", x => new { x.GoalId, x.PlaceId });
                    table.ForeignKey(
                        name: "FK_GoalPlace_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GoalPlace_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Perspectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WhatItMeans = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhatWeNeed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhatWorriesUs = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PooledFundSchemeGoals",
                columns: table => new
                {
                    SchemeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "WorkstreamGoals",
                columns: table => new
                {
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkstreamGoals", x => new { x.WorkstreamId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_WorkstreamGoals_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkstreamGoals_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AskRisks",
                columns: table => new
                {
                    AskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaidEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AskRisks", x => new { x.AskId, x.RaidEntryId });
                    table.ForeignKey(
                        name: "FK_AskRisks_Asks_AskId",
                        column: x => x.AskId,
                        principalTable: "Asks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AskRisks_RaidEntries_RaidEntryId",
                        column: x => x.RaidEntryId,
                        principalTable: "RaidEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RaidEntryGoals",
                columns: table => new
                {
                    RaidEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaidEntryGoals", x => new { x.RaidEntryId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_RaidEntryGoals_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RaidEntryGoals_RaidEntries_RaidEntryId",
                        column: x => x.RaidEntryId,
                        principalTable: "RaidEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RaidEntryWorkItems",
                columns: table => new
                {
                    RaidEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaidEntryWorkItems", x => new { x.RaidEntryId, x.WorkItemId });
                    table.ForeignKey(
                        name: "FK_RaidEntryWorkItems_RaidEntries_RaidEntryId",
                        column: x => x.RaidEntryId,
                        principalTable: "RaidEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RaidEntryWorkItems_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RaidEntryWorkstreams",
                columns: table => new
                {
                    RaidEntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RaidEntryWorkstreams", x => new { x.RaidEntryId, x.WorkstreamId });
                    table.ForeignKey(
                        name: "FK_RaidEntryWorkstreams_RaidEntries_RaidEntryId",
                        column: x => x.RaidEntryId,
                        principalTable: "RaidEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RaidEntryWorkstreams_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WouldResolve = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecordedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConfirmedByPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Confirmation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_AgreementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AgreementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Positions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProposalRevision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OutcomeStatement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Population = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    InequalityLens = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Horizon = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposalRevision_AgreementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AgreementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequiredResponse",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequiredResponse", x => new { x.RoundId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_RequiredResponse_AgreementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AgreementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequiredResponse_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PdsaCycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeIdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RampId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousCycleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Prediction = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Where = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeasureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WhatHappened = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Observations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Surprises = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ActNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdsaCycles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_ChangeIdeas_ChangeIdeaId",
                        column: x => x.ChangeIdeaId,
                        principalTable: "ChangeIdeas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_PdsaCycles_PreviousCycleId",
                        column: x => x.PreviousCycleId,
                        principalTable: "PdsaCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PdsaCycles_Systems_SystemId",
                        column: x => x.SystemId,
                        principalTable: "Systems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkItemChangeIdeas",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeIdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItemChangeIdeas", x => new { x.WorkItemId, x.ChangeIdeaId });
                    table.ForeignKey(
                        name: "FK_WorkItemChangeIdeas_ChangeIdeas_ChangeIdeaId",
                        column: x => x.ChangeIdeaId,
                        principalTable: "ChangeIdeas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkItemChangeIdeas_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkstreamChangeIdeas",
                columns: table => new
                {
                    WorkstreamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeIdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkstreamChangeIdeas", x => new { x.WorkstreamId, x.ChangeIdeaId });
                    table.ForeignKey(
                        name: "FK_WorkstreamChangeIdeas_ChangeIdeas_ChangeIdeaId",
                        column: x => x.ChangeIdeaId,
                        principalTable: "ChangeIdeas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkstreamChangeIdeas_Workstreams_WorkstreamId",
                        column: x => x.WorkstreamId,
                        principalTable: "Workstreams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChangeIdeaContributions",
                columns: table => new
                {
                    ChangeIdeaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Confidence = table.Column<int>(type: "INTEGER", nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PostedByPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Quantity = table.Column<double>(type: "REAL", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedQuantity = table.Column<double>(type: "REAL", nullable: false),
                    RequestedStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OverCommitmentReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "DriverShares",
                columns: table => new
                {
                    DriverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DriverShares", x => new { x.DriverId, x.GoalId });
                    table.ForeignKey(
                        name: "FK_DriverShares_Drivers_DriverId",
                        column: x => x.DriverId,
                        principalTable: "Drivers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DriverShares_Goals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "Goals",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "PdsaCycleOrganisations",
                columns: table => new
                {
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SystemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PdsaCycleOrganisations", x => new { x.CycleId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_PdsaCycleOrganisations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PdsaCycleOrganisations_PdsaCycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "PdsaCycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "NationalBodies",
                columns: new[] { "Id", "ChangedAtUtc", "ChangedByName", "CreatedAtUtc", "CreatedByName", "Kind", "Name", "ResponseDueWorkingDays", "Version" },
                values: new object[,]
                {
                    { new Guid("01930000-0000-7000-8000-000000000001"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEngland", "NHS England", 20, new Guid("00000000-0000-4000-8000-000000000001") },
                    { new Guid("01930000-0000-7000-8000-000000000002"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England East of England", 20, new Guid("00000000-0000-4000-8000-000000000002") },
                    { new Guid("01930000-0000-7000-8000-000000000003"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England London", 20, new Guid("00000000-0000-4000-8000-000000000003") },
                    { new Guid("01930000-0000-7000-8000-000000000004"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England Midlands", 20, new Guid("00000000-0000-4000-8000-000000000004") },
                    { new Guid("01930000-0000-7000-8000-000000000005"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England North East and Yorkshire", 20, new Guid("00000000-0000-4000-8000-000000000005") },
                    { new Guid("01930000-0000-7000-8000-000000000006"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England North West", 20, new Guid("00000000-0000-4000-8000-000000000006") },
                    { new Guid("01930000-0000-7000-8000-000000000007"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England South East", 20, new Guid("00000000-0000-4000-8000-000000000007") },
                    { new Guid("01930000-0000-7000-8000-000000000008"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "NhsEnglandRegion", "NHS England South West", 20, new Guid("00000000-0000-4000-8000-000000000008") },
                    { new Guid("01930000-0000-7000-8000-000000000009"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "DepartmentOfHealthAndSocialCare", "Department of Health and Social Care", 20, new Guid("00000000-0000-4000-8000-000000000009") },
                    { new Guid("01930000-0000-7000-8000-00000000000a"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "CareQualityCommission", "Care Quality Commission", 20, new Guid("00000000-0000-4000-8000-00000000000a") },
                    { new Guid("01930000-0000-7000-8000-00000000000b"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "HousingCommunitiesAndLocalGovernment", "Ministry of Housing, Communities and Local Government", 20, new Guid("00000000-0000-4000-8000-00000000000b") },
                    { new Guid("01930000-0000-7000-8000-00000000000c"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "HmTreasury", "HM Treasury", 20, new Guid("00000000-0000-4000-8000-00000000000c") },
                    { new Guid("01930000-0000-7000-8000-00000000000d"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "Nice", "National Institute for Health and Care Excellence", 20, new Guid("00000000-0000-4000-8000-00000000000d") },
                    { new Guid("01930000-0000-7000-8000-00000000000e"), null, null, new DateTime(2026, 12, 7, 0, 0, 0, 0, DateTimeKind.Utc), null, "UkHealthSecurityAgency", "UK Health Security Agency", 20, new Guid("00000000-0000-4000-8000-00000000000e") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRounds_DecidedByForumId",
                table: "AgreementRounds",
                column: "DecidedByForumId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRounds_OneOpenPerGoal",
                table: "AgreementRounds",
                column: "GoalId",
                unique: true,
                filter: "\"State\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementRounds_SystemId_GoalId_State",
                table: "AgreementRounds",
                columns: new[] { "SystemId", "GoalId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Ambitions_SystemId_Title",
                table: "Ambitions",
                columns: new[] { "SystemId", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_PersonId",
                table: "ApiTokens",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretHash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AskGoals_GoalId",
                table: "AskGoals",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_AskGoals_SystemId",
                table: "AskGoals",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AskIterations_AskId_Number",
                table: "AskIterations",
                columns: new[] { "AskId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AskIterations_SystemId",
                table: "AskIterations",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AskIterations_ThemeId",
                table: "AskIterations",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_AskPositions_OrganisationId",
                table: "AskPositions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AskPositions_RoundId_OrganisationId",
                table: "AskPositions",
                columns: new[] { "RoundId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AskPositions_SystemId",
                table: "AskPositions",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AskRisks_RaidEntryId",
                table: "AskRisks",
                column: "RaidEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_AskRisks_SystemId",
                table: "AskRisks",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AskRoundResponses_OrganisationId",
                table: "AskRoundResponses",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AskRoundResponses_SystemId",
                table: "AskRoundResponses",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_AskRounds_OneOpenPerAsk",
                table: "AskRounds",
                column: "AskId",
                unique: true,
                filter: "\"State\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_AskRounds_SystemId_State",
                table: "AskRounds",
                columns: new[] { "SystemId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_NationalBodyId_Status",
                table: "Asks",
                columns: new[] { "NationalBodyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Asks_OwnerOrganisationId",
                table: "Asks",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Asks_SystemId_Status",
                table: "Asks",
                columns: new[] { "SystemId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SystemId_EntityId",
                table: "AuditEvents",
                columns: new[] { "SystemId", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SystemId_OccurredAtUtc",
                table: "AuditEvents",
                columns: new[] { "SystemId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SystemId_Sequence",
                table: "AuditEvents",
                columns: new[] { "SystemId", "Sequence" },
                unique: true);

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
                name: "IX_CheckIns_ContributionId_PostedAtUtc",
                table: "CheckIns",
                columns: new[] { "ContributionId", "PostedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_SystemId",
                table: "CheckIns",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_GoalId",
                table: "Contributions",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_OrganisationId",
                table: "Contributions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_SystemId_GoalId",
                table: "Contributions",
                columns: new[] { "SystemId", "GoalId" });

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_DelegatePersonId",
                table: "Delegations",
                column: "DelegatePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_OrganisationId",
                table: "Delegations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Delegations_SystemId_DelegatePersonId",
                table: "Delegations",
                columns: new[] { "SystemId", "DelegatePersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dependencies_ConsumerItemId",
                table: "Dependencies",
                column: "ConsumerItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Dependencies_ProducerItemId",
                table: "Dependencies",
                column: "ProducerItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Dependencies_SystemId_State",
                table: "Dependencies",
                columns: new[] { "SystemId", "State" });

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

            migrationBuilder.CreateIndex(
                name: "IX_DriverShares_GoalId",
                table: "DriverShares",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_DriverShares_SystemId",
                table: "DriverShares",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumMembers_OrganisationId",
                table: "ForumMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ForumMembers_SystemId",
                table: "ForumMembers",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Forums_PlaceId",
                table: "Forums",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Forums_SystemId_Name",
                table: "Forums",
                columns: new[] { "SystemId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GoalJointOwners_OrganisationId",
                table: "GoalJointOwners",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalJointOwners_SystemId",
                table: "GoalJointOwners",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalMeasures_MeasureId",
                table: "GoalMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalMeasures_SystemId",
                table: "GoalMeasures",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalNeeds_GoalId",
                table: "GoalNeeds",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalNeeds_SystemId",
                table: "GoalNeeds",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalPlace_PlaceId",
                table: "GoalPlace",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_GoalPlace_SystemId",
                table: "GoalPlace",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_AmbitionId",
                table: "Goals",
                column: "AmbitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_LeadOrganisationId",
                table: "Goals",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_OwningForumId",
                table: "Goals",
                column: "OwningForumId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_SystemId_Status",
                table: "Goals",
                columns: new[] { "SystemId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_PersonId",
                table: "Invitations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_SecretHash",
                table: "Invitations",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_SystemId",
                table: "Invitations",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationParticipants_OrganisationId",
                table: "IterationParticipants",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationParticipants_SystemId",
                table: "IterationParticipants",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Iterations_SystemId_Number",
                table: "Iterations",
                columns: new[] { "SystemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IterationSlipNotes_SystemId",
                table: "IterationSlipNotes",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationSlipNotes_WorkItemId",
                table: "IterationSlipNotes",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_IterationSnapshotItems_SystemId",
                table: "IterationSnapshotItems",
                column: "SystemId");

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
                name: "IX_Measures_GeographyOrganisationId",
                table: "Measures",
                column: "GeographyOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_OwnerOrganisationId",
                table: "Measures",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_PlaceId",
                table: "Measures",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_SystemId_Name",
                table: "Measures",
                columns: new[] { "SystemId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganisationId",
                table: "Memberships",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_PersonId_OrganisationId",
                table: "Memberships",
                columns: new[] { "PersonId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_SystemId",
                table: "Memberships",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalBodies_Name",
                table: "NationalBodies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalPartners_NationalBodyId",
                table: "NationalPartners",
                column: "NationalBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalThemes_NationalBodyId",
                table: "NationalThemes",
                column: "NationalBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Neighbourhoods_PlaceId_Name",
                table: "Neighbourhoods",
                columns: new[] { "PlaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Neighbourhoods_SystemId",
                table: "Neighbourhoods",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_MeasureId_PeriodStart",
                table: "Observations",
                columns: new[] { "MeasureId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Observations_SystemId",
                table: "Observations",
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
                name: "IX_OrganisationPlaces_PlaceId",
                table: "OrganisationPlaces",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationPlaces_SystemId",
                table: "OrganisationPlaces",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SystemId_Name",
                table: "Organisations",
                columns: new[] { "SystemId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_SystemId_OdsCode",
                table: "Organisations",
                columns: new[] { "SystemId", "OdsCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycleOrganisations_OrganisationId",
                table: "PdsaCycleOrganisations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycleOrganisations_SystemId",
                table: "PdsaCycleOrganisations",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_ChangeIdeaId",
                table: "PdsaCycles",
                column: "ChangeIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_MeasureId",
                table: "PdsaCycles",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_OwnerOrganisationId",
                table: "PdsaCycles",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_OwnerPersonId",
                table: "PdsaCycles",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_PreviousCycleId",
                table: "PdsaCycles",
                column: "PreviousCycleId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_SystemId_ChangeIdeaId",
                table: "PdsaCycles",
                columns: new[] { "SystemId", "ChangeIdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_SystemId_MeasureId",
                table: "PdsaCycles",
                columns: new[] { "SystemId", "MeasureId" });

            migrationBuilder.CreateIndex(
                name: "IX_PdsaCycles_SystemId_OwnerOrganisationId",
                table: "PdsaCycles",
                columns: new[] { "SystemId", "OwnerOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "People",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "People",
                column: "NormalizedUserName",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Places_SystemId_Name",
                table: "Places",
                columns: new[] { "SystemId", "Name" },
                unique: true);

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
                name: "IX_Positions_OrganisationId",
                table: "Positions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_RoundId_OrganisationId",
                table: "Positions",
                columns: new[] { "RoundId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Positions_SystemId",
                table: "Positions",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRevision_RoundId_Number",
                table: "ProposalRevision",
                columns: new[] { "RoundId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalRevision_SystemId",
                table: "ProposalRevision",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntries_ForumId",
                table: "RaidEntries",
                column: "ForumId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntries_OwnerOrganisationId",
                table: "RaidEntries",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntries_SystemId_Kind_Status",
                table: "RaidEntries",
                columns: new[] { "SystemId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntries_SystemId_OwnerOrganisationId",
                table: "RaidEntries",
                columns: new[] { "SystemId", "OwnerOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntryGoals_GoalId",
                table: "RaidEntryGoals",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntryGoals_SystemId",
                table: "RaidEntryGoals",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntryWorkItems_SystemId",
                table: "RaidEntryWorkItems",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntryWorkItems_WorkItemId",
                table: "RaidEntryWorkItems",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntryWorkstreams_SystemId",
                table: "RaidEntryWorkstreams",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RaidEntryWorkstreams_WorkstreamId",
                table: "RaidEntryWorkstreams",
                column: "WorkstreamId");

            migrationBuilder.CreateIndex(
                name: "IX_RelatedDocuments_NarrativeId",
                table: "RelatedDocuments",
                column: "NarrativeId");

            migrationBuilder.CreateIndex(
                name: "IX_RelatedDocuments_SystemId",
                table: "RelatedDocuments",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_RequiredResponse_OrganisationId",
                table: "RequiredResponse",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RequiredResponse_SystemId",
                table: "RequiredResponse",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceCommitments_ContributionId",
                table: "ResourceCommitments",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceCommitments_ResourceId_Status",
                table: "ResourceCommitments",
                columns: new[] { "ResourceId", "Status" });

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

            migrationBuilder.CreateIndex(
                name: "IX_RetrospectiveActions_IterationId",
                table: "RetrospectiveActions",
                column: "IterationId");

            migrationBuilder.CreateIndex(
                name: "IX_RetrospectiveActions_SystemId_IterationId",
                table: "RetrospectiveActions",
                columns: new[] { "SystemId", "IterationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RetrospectiveAnswers_IterationId_OrganisationId",
                table: "RetrospectiveAnswers",
                columns: new[] { "IterationId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetrospectiveAnswers_OrganisationId",
                table: "RetrospectiveAnswers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RetrospectiveAnswers_SystemId",
                table: "RetrospectiveAnswers",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyNarratives_SystemId",
                table: "StrategyNarratives",
                column: "SystemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategyVersions_AgreedByForumId",
                table: "StrategyVersions",
                column: "AgreedByForumId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyVersions_SystemId_Number",
                table: "StrategyVersions",
                columns: new[] { "SystemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Systems_Name",
                table: "Systems",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThemeAsks_AskId",
                table: "ThemeAsks",
                column: "AskId");

            migrationBuilder.CreateIndex(
                name: "IX_TrajectoryPoints_SystemId",
                table: "TrajectoryPoints",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_SystemId",
                table: "Visits",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemChangeIdeas_ChangeIdeaId",
                table: "WorkItemChangeIdeas",
                column: "ChangeIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemChangeIdeas_SystemId",
                table: "WorkItemChangeIdeas",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemComments_SystemId",
                table: "WorkItemComments",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemComments_WorkItemId_CreatedAtUtc",
                table: "WorkItemComments",
                columns: new[] { "WorkItemId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemOrganisations_OrganisationId",
                table: "WorkItemOrganisations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItemOrganisations_SystemId",
                table: "WorkItemOrganisations",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_BlockedOnOrganisationId",
                table: "WorkItems",
                column: "BlockedOnOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_IterationId",
                table: "WorkItems",
                column: "IterationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_OwnerOrganisationId",
                table: "WorkItems",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_OwnerPersonId",
                table: "WorkItems",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_SystemId_OwnerOrganisationId",
                table: "WorkItems",
                columns: new[] { "SystemId", "OwnerOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_SystemId_WorkstreamId_Status",
                table: "WorkItems",
                columns: new[] { "SystemId", "WorkstreamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_WorkstreamId",
                table: "WorkItems",
                column: "WorkstreamId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkstreamChangeIdeas_ChangeIdeaId",
                table: "WorkstreamChangeIdeas",
                column: "ChangeIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkstreamChangeIdeas_SystemId",
                table: "WorkstreamChangeIdeas",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkstreamGoals_GoalId",
                table: "WorkstreamGoals",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkstreamGoals_SystemId",
                table: "WorkstreamGoals",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkstreamOrganisations_OrganisationId",
                table: "WorkstreamOrganisations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkstreamOrganisations_SystemId",
                table: "WorkstreamOrganisations",
                column: "SystemId");

            migrationBuilder.CreateIndex(
                name: "IX_Workstreams_LeadOrganisationId",
                table: "Workstreams",
                column: "LeadOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Workstreams_SeniorResponsibleOwnerId",
                table: "Workstreams",
                column: "SeniorResponsibleOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Workstreams_SystemId_Name",
                table: "Workstreams",
                columns: new[] { "SystemId", "Name" },
                unique: true);

            // Not expressible in the model: see PublishedVersionTriggers and AuditTriggers.
            PublishedVersionTriggers.Create(migrationBuilder);
            AuditTriggers.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "Areas");

            migrationBuilder.DropTable(
                name: "AskGoals");

            migrationBuilder.DropTable(
                name: "AskIterations");

            migrationBuilder.DropTable(
                name: "AskPositions");

            migrationBuilder.DropTable(
                name: "AskRisks");

            migrationBuilder.DropTable(
                name: "AskRoundResponses");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "ChangeIdeaContributions");

            migrationBuilder.DropTable(
                name: "ChangeIdeaDrivers");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Delegations");

            migrationBuilder.DropTable(
                name: "Dependencies");

            migrationBuilder.DropTable(
                name: "DriverLinks");

            migrationBuilder.DropTable(
                name: "DriverMeasures");

            migrationBuilder.DropTable(
                name: "DriverShares");

            migrationBuilder.DropTable(
                name: "ForumMembers");

            migrationBuilder.DropTable(
                name: "GoalJointOwners");

            migrationBuilder.DropTable(
                name: "GoalMeasures");

            migrationBuilder.DropTable(
                name: "GoalNeeds");

            migrationBuilder.DropTable(
                name: "GoalPlace");

            migrationBuilder.DropTable(
                name: "Invitations");

            migrationBuilder.DropTable(
                name: "IterationCadences");

            migrationBuilder.DropTable(
                name: "IterationParticipants");

            migrationBuilder.DropTable(
                name: "IterationSlipNotes");

            migrationBuilder.DropTable(
                name: "IterationSnapshotItems");

            migrationBuilder.DropTable(
                name: "MeasureRebases");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "NationalPartners");

            migrationBuilder.DropTable(
                name: "Neighbourhoods");

            migrationBuilder.DropTable(
                name: "Observations");

            migrationBuilder.DropTable(
                name: "ObservationUploads");

            migrationBuilder.DropTable(
                name: "OrganisationPlaces");

            migrationBuilder.DropTable(
                name: "PdsaCycleOrganisations");

            migrationBuilder.DropTable(
                name: "Perspectives");

            migrationBuilder.DropTable(
                name: "PooledFundContributions");

            migrationBuilder.DropTable(
                name: "PooledFundSchemeGoals");

            migrationBuilder.DropTable(
                name: "Positions");

            migrationBuilder.DropTable(
                name: "ProposalRevision");

            migrationBuilder.DropTable(
                name: "RaidEntryGoals");

            migrationBuilder.DropTable(
                name: "RaidEntryWorkItems");

            migrationBuilder.DropTable(
                name: "RaidEntryWorkstreams");

            migrationBuilder.DropTable(
                name: "RelatedDocuments");

            migrationBuilder.DropTable(
                name: "RequiredResponse");

            migrationBuilder.DropTable(
                name: "ResourceCommitments");

            migrationBuilder.DropTable(
                name: "RetrospectiveActions");

            migrationBuilder.DropTable(
                name: "RetrospectiveAnswers");

            migrationBuilder.DropTable(
                name: "StrategyVersions");

            migrationBuilder.DropTable(
                name: "ThemeAsks");

            migrationBuilder.DropTable(
                name: "TrajectoryPoints");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "WorkItemChangeIdeas");

            migrationBuilder.DropTable(
                name: "WorkItemComments");

            migrationBuilder.DropTable(
                name: "WorkItemOrganisations");

            migrationBuilder.DropTable(
                name: "WorkstreamChangeIdeas");

            migrationBuilder.DropTable(
                name: "WorkstreamGoals");

            migrationBuilder.DropTable(
                name: "WorkstreamOrganisations");

            migrationBuilder.DropTable(
                name: "AskRounds");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Drivers");

            migrationBuilder.DropTable(
                name: "PdsaCycles");

            migrationBuilder.DropTable(
                name: "PooledFundSchemes");

            migrationBuilder.DropTable(
                name: "RaidEntries");

            migrationBuilder.DropTable(
                name: "StrategyNarratives");

            migrationBuilder.DropTable(
                name: "AgreementRounds");

            migrationBuilder.DropTable(
                name: "Contributions");

            migrationBuilder.DropTable(
                name: "Resources");

            migrationBuilder.DropTable(
                name: "NationalThemes");

            migrationBuilder.DropTable(
                name: "WorkItems");

            migrationBuilder.DropTable(
                name: "Asks");

            migrationBuilder.DropTable(
                name: "ChangeIdeas");

            migrationBuilder.DropTable(
                name: "Measures");

            migrationBuilder.DropTable(
                name: "PooledFunds");

            migrationBuilder.DropTable(
                name: "Iterations");

            migrationBuilder.DropTable(
                name: "Workstreams");

            migrationBuilder.DropTable(
                name: "NationalBodies");

            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Ambitions");

            migrationBuilder.DropTable(
                name: "Forums");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Places");

            migrationBuilder.DropTable(
                name: "Systems");
        }
    }
}
