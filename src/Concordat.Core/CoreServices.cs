using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Concordat.Core;

public static class CoreServices
{
    public const string DefaultSqliteConnectionString = "Data Source=data/concordat.db";

    /// <summary>
    /// The database, identity stores and feature services, configured from ordinary configuration:
    /// <c>Database:Provider</c> (Sqlite or Postgres) and <c>ConnectionStrings:Concordat</c>.
    /// </summary>
    public static IdentityBuilder AddConcordatCore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Concordat");

        services.AddScoped<TenantScope>();
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Concordat is not set.");
            }
            services.AddDbContext<ConcordatDb, PostgresConcordatDb>(o => o.UseNpgsql(connectionString));
        }
        else
        {
            var sqlite = PrepareSqlite(connectionString ?? DefaultSqliteConnectionString);
            services.AddDbContext<ConcordatDb, SqliteConcordatDb>(o => o.UseSqlite(sqlite));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<OrganisationService>();
        services.AddScoped<PlaceService>();
        services.AddScoped<GovernanceForumService>();
        services.AddScoped<DelegationService>();
        services.AddScoped<PeopleService>();
        services.AddScoped<AccountService>();
        services.AddScoped<SystemDirectory>();
        services.AddScoped<SystemService>();
        services.AddScoped<National.NationalBodyService>();
        services.AddScoped<Asks.AskService>();
        services.AddScoped<Asks.AskRoundService>();
        services.AddScoped<Asks.AskExchangeService>();
        services.AddScoped<Asks.NationalInbox>();
        services.AddScoped<Asks.ThemeService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<TokenService>();
        services.AddScoped<Goals.GoalService>();
        services.AddScoped<Goals.AmbitionService>();
        services.AddScoped<Goals.AgreementService>();
        services.AddScoped<Goals.PerspectiveService>();
        services.AddScoped<Contributions.ContributionService>();
        services.AddScoped<Measures.MeasureService>();
        services.AddScoped<Areas.AreaImport>();
        services.AddScoped<Areas.AreaDirectory>();
        services.AddScoped<Measures.MeasureDataService>();
        services.AddScoped<Measures.Import.ObservationImporter>();
        services.AddScoped<Resources.ResourceService>();
        services.AddScoped<Resources.CommitmentService>();
        services.AddScoped<Resources.GoalNeedService>();
        services.AddScoped<Resources.PooledViews>();
        services.AddScoped<Resources.PooledFundService>();
        services.AddScoped<Resources.ResourceRegisterImport>();
        services.AddScoped<TheoryOfChange.TheoryOfChangeService>();
        services.AddScoped<HealthChecks.HealthCheckService>();
        services.AddScoped<Waiting.WaitingService>();
        services.AddScoped<Strategy.StrategyDocumentService>();
        services.AddScoped<Strategy.StrategyVersionService>();
        services.AddScoped<Strategy.Import.StrategyImporter>();
        services.AddScoped<WorkProgramme.WorkstreamService>();
        services.AddScoped<WorkProgramme.WorkItemService>();
        services.AddScoped<WorkProgramme.Iterations.IterationService>();
        services.AddScoped<WorkProgramme.Dependencies.DependencyService>();
        services.AddScoped<Raid.RaidService>();
        services.AddScoped<Pdsa.PdsaService>();
        services.AddScoped<Strategy.StrategyNarrativeService>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<TwoStepVerification>();
        services.AddScoped<Demo.DemoWorkspace>();
        services.AddScoped<Demo.DemoGoals>();
        services.AddScoped<Demo.DemoResources>();
        services.AddScoped<Demo.DemoMeasures>();
        services.AddScoped<Demo.DemoTheoryOfChange>();
        services.AddScoped<Demo.DemoWorkProgramme>();
        services.AddScoped<Demo.DemoIterations>();
        services.AddScoped<Demo.DemoDependencies>();
        services.AddScoped<Demo.DemoRaid>();
        services.AddScoped<Demo.DemoAsks>();
        services.AddScoped<Demo.DemoNeighbours>();
        services.AddScoped<Demo.DemoPdsa>();

        return services.AddIdentityCore<Person>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // NCSC guidance: length over composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ConcordatDb>()
            .AddTokenProvider<AuthenticatorTokenProvider<Person>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<PersonClaims>();
    }

    /// <summary>Makes sure the folder of a SQLite file exists, so a fresh clone runs with no setup.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        return builder.ToString();
    }
}
