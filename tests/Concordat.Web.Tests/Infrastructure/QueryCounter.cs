using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Concordat.Web.Tests.Infrastructure;

/// <summary>
/// Counts the database commands EF Core runs inside a <see cref="Begin"/> scope. The scope is an async local, so with the test
/// server preserving the caller's execution context (see <see cref="TestApp.Queries"/>) it counts the commands of the one request
/// sent inside it, and none of the requests other tests send at the same time. Writes are not counted: the only ones a read
/// makes are its bookkeeping (a visit, a token's last use), recorded at most once a minute, so they come and go with the clock.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<Tally?> _current = new();

    public sealed class Tally
    {
        private int _commands;

        public int Commands => _commands;

        public void Add(DbCommand command)
        {
            if (!IsWrite(command.CommandText))
            {
                Interlocked.Increment(ref _commands);
            }
        }

        private static bool IsWrite(string sql)
        {
            var text = sql.TrimStart();
            return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
        }
    }

    public Tally Begin() => _current.Value = new Tally();

    public void End() => _current.Value = null;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _current.Value?.Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _current.Value?.Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        _current.Value?.Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        _current.Value?.Add(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _current.Value?.Add(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        _current.Value?.Add(command);
        return ValueTask.FromResult(result);
    }
}
