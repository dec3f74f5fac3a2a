using Concordat.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

// One app per provider for the whole assembly: starting an app and migrating its database is most of a test
// class's cost, and every test works in a system of its own. PostgresApp is the fixture of the PostgreSQL
// collection instead (see PostgresTests).
[assembly: AssemblyFixture(typeof(Concordat.Web.Tests.Infrastructure.SqliteApp))]

namespace Concordat.Web.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real application over its real HTTP pipeline, on a database of its own: a fresh SQLite file, or a
/// fresh database in the PostgreSQL server named by <c>CONCORDAT_TEST_POSTGRES</c>.
/// </summary>
public class TestApp : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "CONCORDAT_TEST_POSTGRES";

    private readonly string _connectionString;
    private readonly string? _postgresDatabase;
    private readonly string? _sqliteDirectory;
    private readonly Dictionary<string, string?> _settings;
    private readonly Lock _clientsLock = new();
    private readonly SemaphoreSlim _demoLock = new(1, 1);

    public TestApp(DatabaseKind kind, IDictionary<string, string?>? settings = null)
    {
        Kind = kind;
        if (kind == DatabaseKind.Postgres)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"Set {PostgresVariable} to a PostgreSQL connection string (scripts/test.sh does this).");
            _postgresDatabase = $"concordat_test_{Guid.NewGuid():N}";
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ToString();
        }
        else
        {
            _sqliteDirectory = Directory.CreateTempSubdirectory("concordat-test-").FullName;
            _connectionString = $"Data Source={Path.Combine(_sqliteDirectory, "concordat.db")}";
        }
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = kind.ToString(),
            ["ConnectionStrings:Concordat"] = _connectionString,
            ["Database:SeedDemo"] = "false",
            // Every sign-in through TestServer comes from the same (absent) client address, and one app serves every
            // test class of a provider at once; the limit itself is tested with an app of its own.
            ["RateLimits:SignInPerMinute"] = "1000000",
            ["Security:RequireHttpsCookies"] = "true",
            // Convenors sign in with their password alone here; two-step sign-in is tested with apps of its own.
            ["Security:RequireTwoFactorForConvenors"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public DatabaseKind Kind { get; }

    public string ConnectionString => _connectionString;

    /// <summary>Set before the first request to count each request's database commands (the test server then keeps the caller's async locals).</summary>
    public QueryCounter? Queries { get; init; }

    /// <summary>Set before the first request to control time (invitation and token expiry).</summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>
    /// Clients from the same app may be made by test classes running at the same time; the factory keeps them in a
    /// plain list, so they are made one at a time.
    /// </summary>
    public new HttpClient CreateClient()
    {
        lock (_clientsLock)
        {
            return base.CreateClient();
        }
    }

    /// <summary>A client whose requests and answers pass through <paramref name="handlers"/> first.</summary>
    public HttpClient CreateClient(params DelegatingHandler[] handlers)
    {
        lock (_clientsLock)
        {
            return CreateDefaultClient(ClientOptions.BaseAddress, handlers);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (Queries is { } queries)
        {
            builder.ConfigureServices(s =>
            {
                if (Kind == DatabaseKind.Postgres)
                {
                    s.ConfigureDbContext<PostgresConcordatDb>(o => o.AddInterceptors(queries));
                }
                else
                {
                    s.ConfigureDbContext<SqliteConcordatDb>(o => o.AddInterceptors(queries));
                }
                s.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
            });
        }
        if (Clock is { } clock)
        {
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        }
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// The demo workspace, made by the first test class that asks: classes sharing the app read one demo, and asking at
    /// once must not make it twice.
    /// </summary>
    public async Task<Guid> DemoAsync(CancellationToken ct)
    {
        await _demoLock.WaitAsync(ct);
        try
        {
            return await WithScopeAsync(s => s.GetRequiredService<Core.Demo.DemoWorkspace>().CreateAsync(ct));
        }
        finally
        {
            _demoLock.Release();
        }
    }

    public ConcordatDbScope Database(Guid? systemId = null)
    {
        var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordatDb>();
        if (systemId is { } id)
        {
            db.Tenant.Enter(id);
        }
        return new ConcordatDbScope(scope, db);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        _demoLock.Dispose();
        if (_postgresDatabase is not null)
        {
            await using (var own = new NpgsqlConnection(_connectionString))
            {
                NpgsqlConnection.ClearPool(own);
            }
            var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteDirectory is not null)
        {
            await using (var own = new SqliteConnection(_connectionString))
            {
                SqliteConnection.ClearPool(own);
            }
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere; the temp folder is cleaned by the OS.
            }
        }
    }
}

public sealed class ConcordatDbScope(AsyncServiceScope scope, ConcordatDb db) : IAsyncDisposable
{
    public ConcordatDb Db { get; } = db;

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}

/// <summary>
/// The one app per provider that every test class shares. Each test makes its own system, and so works in a tenant
/// of its own, so the classes can share a database. Started before any test runs, so that classes starting at once
/// do not race to start it. SQLite test classes run at the same time as each other (SQLite lets one writer in at a
/// time and the others wait); PostgreSQL test classes run one at a time, see <see cref="PostgresTests"/>.
/// </summary>
public sealed class SqliteApp() : TestApp(DatabaseKind.Sqlite), IAsyncLifetime
{
    public ValueTask InitializeAsync()
    {
        StartServer();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The one app that every PostgreSQL test class shares, on one database: the fixture of <see cref="PostgresTests"/>.
/// </summary>
public sealed class PostgresApp : TestApp, IAsyncLifetime
{
    public const string Collection = "PostgreSQL";

    public PostgresApp() : base(AvailableOrSqlite())
    {
    }

    public ValueTask InitializeAsync()
    {
        // Without a server the Postgres variants are skipped by the tests themselves (see ProviderTests.Start).
        if (Kind == DatabaseKind.Postgres)
        {
            StartServer();
        }
        return ValueTask.CompletedTask;
    }

    private static DatabaseKind AvailableOrSqlite() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is null ? DatabaseKind.Sqlite : DatabaseKind.Postgres;
}

/// <summary>
/// Every PostgreSQL test class, run one class at a time on the one <see cref="PostgresApp"/>, alongside the SQLite
/// classes. Serializable transactions (an observation import is one) in different systems of one database can still
/// fail each other: PostgreSQL tracks what they read by page or by table, not by tenant, and two small imports at
/// once conflicted in a few of every forty tries. A class that asks for a PostgresApp without this collection gets
/// no fixture, and fails at once.
/// </summary>
[CollectionDefinition(PostgresApp.Collection)]
public sealed class PostgresTests : ICollectionFixture<PostgresApp>;
