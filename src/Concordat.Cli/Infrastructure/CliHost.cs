using System.CommandLine;
using Concordat.Core;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Infrastructure;

/// <summary>
/// The same core services the web app uses, configured the same way: <c>ConnectionStrings__Concordat</c> and
/// <c>Database__Provider</c> from the environment, or the options below.
/// </summary>
internal static class CliHost
{
    public const int BadInput = 2;

    public static readonly Option<string?> ConnectionStringOption = new("--connection-string")
    {
        Description = "Database connection string (default: $ConnectionStrings__Concordat, else Data Source=data/concordat.db).",
        Recursive = true,
    };

    public static readonly Option<DatabaseProvider?> ProviderOption = new("--provider")
    {
        Description = "Sqlite or Postgres (default: $Database__Provider, else Sqlite).",
        Recursive = true,
    };

    public static IConfiguration Configuration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(ConnectionStringOption) is { } connection)
        {
            overrides["ConnectionStrings:Concordat"] = connection;
        }
        if (parse.GetValue(ProviderOption) is { } provider)
        {
            overrides["Database:Provider"] = provider.ToString();
        }
        return new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build();
    }

    public static ServiceProvider Services(ParseResult parse)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConcordatCore(Configuration(parse));
        return services.BuildServiceProvider();
    }

    /// <summary>A system named by its id or its exact name.</summary>
    public static async Task<Guid> ResolveSystemAsync(ConcordatDb db, string value, CancellationToken ct)
    {
        var matches = Guid.TryParse(value, out var id)
            ? await db.Systems.Where(s => s.Id == id).Select(s => s.Id).ToListAsync(ct)
            : await db.Systems.Where(s => s.Name == value).Select(s => s.Id).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliUsageException($"There is no system with id or name '{value}'."),
            _ => throw new CliUsageException($"Several systems are called '{value}'; give the system's id instead."),
        };
    }

    /// <summary>A measure of the system the database is scoped to, named by its id or its exact name.</summary>
    public static async Task<Guid> ResolveMeasureAsync(ConcordatDb db, string value, CancellationToken ct)
    {
        var matches = Guid.TryParse(value, out var id)
            ? await db.Measures.Where(m => m.Id == id).Select(m => m.Id).ToListAsync(ct)
            : await db.Measures.Where(m => m.Name == value).Select(m => m.Id).ToListAsync(ct);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliUsageException($"There is no measure with id or name '{value}' in this system."),
            _ => throw new CliUsageException($"Several measures are called '{value}'; give the measure's id instead."),
        };
    }

    /// <summary>
    /// Runs a command's work with its own service scope, reporting refusals and bad input as a clear message on
    /// standard error with exit status 2. Nothing is written by a command that fails.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        try
        {
            await using var provider = Services(parse);
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider, ct);
        }
        catch (InputInvalidException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    await Console.Error.WriteLineAsync($"error: {field}: {message}");
                }
            }
            return BadInput;
        }
        catch (Exception e) when (e is CliUsageException or NotFoundException or ForbiddenException or DatabaseFromEarlierBuildException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return BadInput;
        }
    }
}

/// <summary>The command line was well formed but asks for something that cannot be done.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
