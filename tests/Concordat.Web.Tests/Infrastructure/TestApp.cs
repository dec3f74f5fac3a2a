using Concordat.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

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
            ["RateLimits:SignInPerMinute"] = "1000",
            ["Security:RequireHttpsCookies"] = "true",
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

    /// <summary>Set before the first request to control time (invitation and token expiry).</summary>
    public FakeTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
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
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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

/// <summary>One app per test class and provider; tests in a class make their own systems, so they stay independent.</summary>
public sealed class SqliteApp() : TestApp(DatabaseKind.Sqlite);

public sealed class PostgresApp : TestApp
{
    public PostgresApp() : base(AvailableOrSqlite())
    {
    }

    // Without a server the Postgres variants are skipped by the tests themselves (see ProviderTests.Start).
    private static DatabaseKind AvailableOrSqlite() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is null ? DatabaseKind.Sqlite : DatabaseKind.Postgres;
}
