using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.People;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Tokens;

public sealed record CreateToken(string? Name, int? ExpiresInDays);

public sealed record TokenCreated(Guid Id, string Name, string Secret, DateTime? ExpiresAtUtc);

public sealed record TokenSummary(Guid Id, string Name, string Prefix, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc, DateTime? LastUsedAtUtc, DateTime? RevokedAtUtc);

/// <summary>Personal access tokens: created and revoked by their owner only.</summary>
public sealed class TokenService(ConcordatDb db, TimeProvider clock)
{
    public const int MaxExpiryDays = 366;
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(Guid personId, CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking()
            .Where(t => t.PersonId == personId)
            .OrderByDescending(t => t.CreatedAtUtc)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAtUtc, t.ExpiresAtUtc, t.LastUsedAtUtc, t.RevokedAtUtc))
            .ToListAsync(ct);

    public async Task<TokenCreated> CreateAsync(Guid personId, CreateToken input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, ApiToken.NameMaxLength, "Enter a name for the token, like \"Monthly data upload\"");
        if (input.ExpiresInDays is { } days && (days < 1 || days > MaxExpiryDays))
        {
            errors.Add(nameof(input.ExpiresInDays), $"Expiry must be between 1 and {MaxExpiryDays} days");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = Secrets.New("cc_");
        var token = new ApiToken
        {
            PersonId = personId,
            Name = name,
            Prefix = secret[..10],
            SecretHash = Secrets.Hash(secret),
            CreatedAtUtc = now,
            ExpiresAtUtc = input.ExpiresInDays is { } d ? now.AddDays(d) : null,
        };
        db.ApiTokens.Add(token);
        await AuditAsync(personId, now, "TokenCreated", token, ct);
        await db.SaveChangesAsync(ct);
        return new TokenCreated(token.Id, token.Name, secret, token.ExpiresAtUtc);
    }

    public async Task RevokeAsync(Guid personId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.PersonId == personId, ct)
            ?? throw new NotFoundException("There is no such token.");
        if (token.RevokedAtUtc is null)
        {
            token.RevokedAtUtc = clock.GetUtcNow().UtcDateTime;
            await AuditAsync(personId, token.RevokedAtUtc.Value, "TokenRevoked", token, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task AuditAsync(Guid personId, DateTime now, string action, ApiToken token, CancellationToken ct)
    {
        var person = await db.Users.SingleAsync(p => p.Id == personId, ct);
        await AccountAudit.RecordOwnAsync(db, person, now, action, ct, new SortedDictionary<string, string?>
        {
            ["Token"] = $"{token.Name} ({token.Prefix}…)",
            ["Expires"] = token.ExpiresAtUtc is { } expires ? Prose.Date(expires) : "Never",
        });
    }

    /// <summary>The owner of an active token with this secret, or null.</summary>
    public async Task<Guid?> AuthenticateAsync(string secret, CancellationToken ct)
    {
        var hash = Secrets.Hash(secret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsActiveAt(now)
            || await db.Users.AnyAsync(p => p.Id == token.PersonId && p.DeactivatedAtUtc != null, ct))
        {
            return null;
        }
        // Record use at most once a minute: a busy client should not turn every read into a write.
        if (token.LastUsedAtUtc is not { } last || now - last > LastUsedGranularity)
        {
            token.LastUsedAtUtc = now;
            await db.SaveChangesAsync(ct);
        }
        return token.PersonId;
    }
}
