using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.History;

/// <summary>Where a system's chain first breaks, and why.</summary>
public sealed record AuditBreak(Guid Id, long Sequence, DateTime OccurredAtUtc, string Action, string Reason);

/// <summary>How many entries of a system's chain hold together, the hash of the last of them, and the first break if any.</summary>
public sealed record AuditVerification(int Entries, string LastHash, AuditBreak? Break);

/// <summary>
/// Makes the audit tamper-evident: each system's entries form a chain in which every entry carries the hash of the
/// entry before it, and its own hash covers every stored field of it and that previous hash. An entry edited, removed
/// or slipped in afterwards, by any means, breaks the chain at that point.
/// </summary>
/// <remarks>
/// <para>
/// Order under concurrency. Each entry has a place in its system's chain (<see cref="AuditEvent.Sequence"/>, from 1),
/// and the chain is read in that order. The place and previous hash are taken when the entry is saved, inside the
/// transaction that writes it, after that transaction has excluded every other audit writer of the system until it
/// commits: on PostgreSQL by locking the system's row (<c>FOR NO KEY UPDATE</c>, which does not block inserts
/// that merely refer to the system); on SQLite because the save's transaction begins <c>IMMEDIATE</c>, holding the
/// database's one write lock from its first statement. So two requests auditing at once are chained one after the
/// other, never both after the same entry. The unique index on (system, place) is the backstop: should anything
/// slip past the lock, the second save fails rather than forking the chain. (In a serializable transaction, such as
/// an observation import on PostgreSQL, the last entry is read from the transaction's snapshot; if another writer
/// chained an entry since, the index refuses the save and the import fails as an edit conflict, to be tried again.)
/// </para>
/// <para>
/// The hash has no secret: it shows entries edited by someone who did not rewrite every later entry as well. To show
/// a full rewrite too, keep the last hash that <c>concordat audit verify</c> prints somewhere the database's users
/// cannot reach (a board paper, the backup log), and compare it later.
/// </para>
/// </remarks>
public static class AuditChain
{
    public const int HashLength = 64;

    /// <summary>What the first entry of a chain links to.</summary>
    public static readonly string Genesis = new('0', HashLength);

    private const string FormatVersion = "concordat-audit-v1";

    /// <summary>
    /// The entry's fields as hashed: a version line, then one line per field in a fixed order, each <c>Name=null</c> or
    /// <c>Name=</c>, the UTF-8 byte length of the value, <c>:</c> and the value, so no two entries read the same
    /// whatever their text holds. Ids are lower-case hyphenated, the time is UTC to the microsecond (what PostgreSQL
    /// keeps), numbers are plain digits.
    /// </summary>
    public static string Canonical(AuditEvent e)
    {
        var text = new StringBuilder(FormatVersion).Append('\n');
        void Field(string name, string? value)
        {
            text.Append(name).Append('=');
            if (value is null)
            {
                text.Append("null");
            }
            else
            {
                text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            }
            text.Append('\n');
        }
        Field(nameof(e.Id), Id(e.Id));
        Field(nameof(e.SystemId), Id(e.SystemId));
        Field(nameof(e.Sequence), e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(nameof(e.OccurredAtUtc), e.OccurredAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Field(nameof(e.ActorPersonId), Id(e.ActorPersonId));
        Field(nameof(e.ActorName), e.ActorName);
        Field(nameof(e.ActingForOrganisationId), Id(e.ActingForOrganisationId));
        Field(nameof(e.ActingForOrganisationName), e.ActingForOrganisationName);
        Field(nameof(e.DelegationId), Id(e.DelegationId));
        Field(nameof(e.Action), e.Action);
        Field(nameof(e.EntityType), e.EntityType);
        Field(nameof(e.EntityId), Id(e.EntityId));
        Field(nameof(e.EntityName), e.EntityName);
        Field(nameof(e.BeforeJson), e.BeforeJson);
        Field(nameof(e.AfterJson), e.AfterJson);
        Field(nameof(e.PreviousHash), e.PreviousHash);
        return text.ToString();
    }

    private static string? Id(Guid? id) => id?.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of <see cref="Canonical"/>, in lower-case hex.</summary>
    public static string HashOf(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>
    /// Gives each new entry its place, previous hash and hash. Called by <see cref="ConcordatDb"/> inside the
    /// transaction that saves them, so that the lock taken here lasts until they are committed.
    /// </summary>
    internal static async Task LinkAsync(ConcordatDb db, IReadOnlyList<AuditEvent> added, CancellationToken ct)
    {
        // Systems in a fixed order, so that two saves auditing the same two systems cannot wait on each other.
        foreach (var system in added.GroupBy(e => e.SystemId).OrderBy(g => g.Key))
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Systems" WHERE "Id" = {system.Key} FOR NO KEY UPDATE""", ct);
            }
            var last = await db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.SystemId == system.Key)
                .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var (sequence, previous) = last is null ? (0L, Genesis) : (last.Sequence, last.Hash);
            foreach (var entry in system.OrderBy(e => e.OccurredAtUtc))
            {
                entry.Sequence = ++sequence;
                entry.PreviousHash = previous;
                entry.Hash = HashOf(entry);
                previous = entry.Hash;
            }
        }
    }

    /// <summary>Reads a system's chain in order and checks every link, stopping at the first entry that breaks it.</summary>
    public static async Task<AuditVerification> VerifyAsync(ConcordatDb db, Guid systemId, CancellationToken ct)
    {
        var (entries, previous) = (0, Genesis);
        var chain = db.AuditEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.SystemId == systemId).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in chain.WithCancellation(ct))
        {
            var expected = entries + 1;
            var reason = entry.Sequence != expected ? $"it is entry {entry.Sequence} of the chain where entry {expected} should be, so an entry was removed or added"
                : entry.Hash != HashOf(entry) ? "its fields do not match its hash, so it was changed after it was written"
                : entry.PreviousHash != previous ? "it does not carry the hash of the entry before it, so an entry before it was changed, removed or added"
                : null;
            if (reason is not null)
            {
                return new AuditVerification(entries, previous, new AuditBreak(entry.Id, entry.Sequence, DateTime.SpecifyKind(entry.OccurredAtUtc, DateTimeKind.Utc), entry.Action, reason));
            }
            entries++;
            previous = entry.Hash;
        }
        return new AuditVerification(entries, previous, null);
    }
}
