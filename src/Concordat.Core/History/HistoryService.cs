using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.History;

/// <summary>A field whose recorded value differs between before and after.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record HistoryEntry(Guid Id, DateTime OccurredAtUtc, string ActorName, string? ActingFor, string Action,
    string EntityType, Guid EntityId, string EntityName, IReadOnlyList<FieldChange> Changes);

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, int Page, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
}

public sealed class HistoryService(ConcordatDb db)
{
    public const int PageSize = 50;

    /// <summary>The system's "what changed" feed, newest first; dates are inclusive UTC calendar days.</summary>
    public async Task<HistoryPage> FeedAsync(DateOnly? from, DateOnly? to, int page, CancellationToken ct)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (from is { } f)
        {
            var start = f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAtUtc >= start);
        }
        if (to is { } t)
        {
            var end = t.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
            query = query.Where(e => e.OccurredAtUtc <= end);
        }
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var events = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new HistoryPage(events.Select(ToEntry).ToList(), page, PageSize, total);
    }

    // Signing in and out, and using tokens, change nothing in the strategy: they are kept in the audit, not news.
    private static readonly string[] SessionActions = ["SignedIn", "SignInFailed", "SignInRefused", "SignedOut", "TokenCreated", "TokenRevoked"];

    /// <summary>Up to <paramref name="take"/> changes made by anyone but the person after <paramref name="since"/>, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<HistoryEntry> Entries, int Total)> ByOthersSinceAsync(Guid personId, DateTime since, int take, CancellationToken ct)
    {
        var query = db.AuditEvents.AsNoTracking().Where(e => e.OccurredAtUtc > since && (e.ActorPersonId == null || e.ActorPersonId != personId)
            && !SessionActions.Contains(e.Action));
        var total = await query.CountAsync(ct);
        var events = await query.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);
        return (events.Select(ToEntry).ToList(), total);
    }

    public Task<IReadOnlyList<HistoryEntry>> ForItemAsync(Guid entityId, CancellationToken ct) => ForItemsAsync([entityId], ct);

    /// <summary>The history of an item together with its parts (a goal and its contributions, say), newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ForItemsAsync(IReadOnlyCollection<Guid> entityIds, CancellationToken ct)
    {
        var events = await db.AuditEvents.AsNoTracking().Where(e => entityIds.Contains(e.EntityId))
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id).Take(200).ToListAsync(ct);
        return events.Select(ToEntry).ToList();
    }

    private static HistoryEntry ToEntry(AuditEvent e)
    {
        var before = AuditLog.ReadFields(e.BeforeJson);
        var after = AuditLog.ReadFields(e.AfterJson);
        var changes = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .ToList();
        return new HistoryEntry(e.Id, DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc), e.ActorName, e.ActingForOrganisationName,
            e.Action, e.EntityType, e.EntityId, e.EntityName, changes);
    }
}
