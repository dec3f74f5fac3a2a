using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.National;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Asks;

public sealed record SaveTheme(string? Title, string? Description, int? ResponseDueAtSystems);

public sealed record ThemeSummary(Guid Id, string Title, int Asks, int Systems, int ResponseDueAtSystems, bool ResponseDue, Guid Version);

/// <summary>A theme with every ask behind it (each system's own), and how their outcomes stand.</summary>
public sealed record ThemeDetail(NationalTheme Theme, IReadOnlyList<InboxItem> Asks, bool ResponseDue)
{
    public int Systems => Asks.Select(a => a.SystemId).Distinct().Count();

    /// <summary>How many of the theme's asks are in each status, for the outcome mix.</summary>
    public IReadOnlyList<(AskStatus Status, int Asks)> Outcomes =>
        [.. Asks.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
}

/// <summary>What a response to a theme did: the asks it reached, and those it did not because it was not the body's move on them.</summary>
public sealed record ThemeResponseResult(IReadOnlyList<string> Answered, IReadOnlyList<string> NotAnswered);

/// <summary>
/// A national body's themes: its partners link asks from several systems that ask the same change, see every system
/// behind it, and answer them together. Only the body an ask is addressed to links it, and only once submitted.
/// </summary>
public sealed class ThemeService(ConcordatDb db, NationalInbox inbox, TimeProvider clock)
{
    public async Task<IReadOnlyList<ThemeSummary>> ListAsync(NationalPartnerView partner, CancellationToken ct)
    {
        var themes = await db.NationalThemes.AsNoTracking().Include(t => t.Asks).Where(t => t.NationalBodyId == partner.NationalBodyId)
            .OrderBy(t => t.Title).ThenBy(t => t.Id).ToListAsync(ct);
        var items = (await inbox.ListAsync(partner, new InboxFilter(), ct)).ToDictionary(i => i.Id);
        return [.. themes.Select(t =>
        {
            var asks = t.Asks.Where(a => items.ContainsKey(a.AskId)).Select(a => items[a.AskId]).ToList();
            return new ThemeSummary(t.Id, t.Title, asks.Count, asks.Select(a => a.SystemId).Distinct().Count(), t.ResponseDueAtSystems, IsResponseDue(t, asks), t.Version);
        })];
    }

    public async Task<ThemeDetail> GetAsync(NationalPartnerView partner, Guid id, CancellationToken ct)
    {
        var theme = await db.NationalThemes.AsNoTracking().Include(t => t.Asks).SingleOrDefaultAsync(t => t.Id == id && t.NationalBodyId == partner.NationalBodyId, ct)
            ?? throw new NotFoundException("Your body has no such theme.");
        var linked = theme.Asks.Select(a => a.AskId).ToHashSet();
        var asks = (await inbox.ListAsync(partner, new InboxFilter(), ct)).Where(i => linked.Contains(i.Id)).ToList();
        return new ThemeDetail(theme, asks, IsResponseDue(theme, asks));
    }

    /// <summary>The partner's body's themes an ask is linked to, by title; another body's themes are never named.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Title)>> ThemesOfAskAsync(NationalPartnerView partner, Guid askId, CancellationToken ct)
    {
        var themes = await db.NationalThemes.AsNoTracking()
            .Where(t => t.NationalBodyId == partner.NationalBodyId && t.Asks.Any(a => a.AskId == askId))
            .Select(t => new { t.Id, t.Title }).ToListAsync(ct);
        return [.. themes.OrderBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Id).Select(t => (t.Id, t.Title))];
    }

    /// <summary>Due when enough systems are behind the theme and at least one of their asks waits on the body.</summary>
    private static bool IsResponseDue(NationalTheme theme, IReadOnlyList<InboxItem> asks) =>
        asks.Select(a => a.SystemId).Distinct().Count() >= theme.ResponseDueAtSystems && asks.Any(a => a.Clock.WaitingOn == AskSide.National);

    public async Task<NationalTheme> CreateAsync(NationalPartnerView partner, SaveTheme input, CancellationToken ct)
    {
        var (title, description, due) = Validate(input);
        var theme = new NationalTheme
        {
            NationalBodyId = partner.NationalBodyId, Title = title, Description = description, ResponseDueAtSystems = due,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByName = partner.Name,
        };
        db.NationalThemes.Add(theme);
        await db.SaveChangesAsync(ct);
        return theme;
    }

    public async Task<NationalTheme> UpdateAsync(NationalPartnerView partner, Guid id, SaveTheme input, Guid? expectedVersion, CancellationToken ct)
    {
        var theme = await db.NationalThemes.SingleOrDefaultAsync(t => t.Id == id && t.NationalBodyId == partner.NationalBodyId, ct)
            ?? throw new NotFoundException("Your body has no such theme.");
        if (!theme.Version.Matches(expectedVersion, "theme"))
        {
            throw new EditConflictException(theme.Title, theme.Version, new Dictionary<string, string?> { ["Title"] = theme.Title, ["Description"] = theme.Description });
        }
        (theme.Title, theme.Description, theme.ResponseDueAtSystems) = Validate(input);
        db.Entry(theme).Property(t => t.Version).OriginalValue = theme.Version;
        await inbox.SaveAsync(theme.Title, ct);
        return theme;
    }

    private static (string Title, string? Description, int Due) Validate(SaveTheme input)
    {
        var errors = new InputErrors();
        var title = errors.RequiredText(nameof(input.Title), "Title", input.Title, NationalTheme.TitleMaxLength, "Enter the theme's title");
        var description = errors.OptionalText(nameof(input.Description), "Description", input.Description, NationalTheme.DescriptionMaxLength);
        var due = input.ResponseDueAtSystems ?? NationalTheme.DefaultResponseDueAtSystems;
        if (due is < 1 or > 100)
        {
            errors.Add(nameof(input.ResponseDueAtSystems), "Enter how many systems make a national response due, from 1 to 100");
        }
        errors.ThrowIfAny();
        return (title, description, due);
    }

    /// <summary>Links an ask addressed to the partner's body, and submitted, to one of the body's themes; recorded in the ask's system.</summary>
    public async Task LinkAsync(NationalPartnerView partner, Guid themeId, Guid? askId, CancellationToken ct)
    {
        var theme = await db.NationalThemes.Include(t => t.Asks).SingleOrDefaultAsync(t => t.Id == themeId && t.NationalBodyId == partner.NationalBodyId, ct)
            ?? throw new NotFoundException("Your body has no such theme.");
        if (askId is not { } id)
        {
            throw new InputInvalidException("AskId", "Select an ask addressed to your body");
        }
        // Not found, rather than refused, for an ask of another body or not submitted: the partner cannot tell it exists.
        var ask = (await inbox.GetAsync(partner, id, ct)).Ask;
        if (theme.Asks.Any(a => a.AskId == id))
        {
            throw new InputInvalidException("AskId", "This ask is linked to the theme already");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        theme.Asks.Add(new ThemeAsk { ThemeId = theme.Id, AskId = id, LinkedAtUtc = now, LinkedByName = partner.Name });
        db.AuditNational(ask.SystemId, partner.PersonId, partner.Name, partner.NationalBody, now, "AskLinkedToTheme", AskService.EntityType, ask.Id, ask.Title,
            null, new SortedDictionary<string, string?> { ["National theme"] = theme.Title });
        await inbox.SaveAsync(theme.Title, ct);
    }

    public async Task UnlinkAsync(NationalPartnerView partner, Guid themeId, Guid askId, CancellationToken ct)
    {
        var theme = await db.NationalThemes.Include(t => t.Asks).SingleOrDefaultAsync(t => t.Id == themeId && t.NationalBodyId == partner.NationalBodyId, ct)
            ?? throw new NotFoundException("Your body has no such theme.");
        var link = theme.Asks.SingleOrDefault(a => a.AskId == askId) ?? throw new NotFoundException("That ask is not linked to the theme.");
        var ask = (await inbox.GetAsync(partner, askId, ct)).Ask;
        theme.Asks.Remove(link);
        db.AuditNational(ask.SystemId, partner.PersonId, partner.Name, partner.NationalBody, clock.GetUtcNow().UtcDateTime, "AskUnlinkedFromTheme",
            AskService.EntityType, ask.Id, ask.Title, new SortedDictionary<string, string?> { ["National theme"] = theme.Title }, null);
        await inbox.SaveAsync(theme.Title, ct);
    }

    /// <summary>
    /// One response for every linked ask on which it is the body's move, each as that ask's own iteration, saved together
    /// (all or none); the asks it cannot reach now are named, not silently passed over. Refused when it reaches none.
    /// </summary>
    public async Task<ThemeResponseResult> RespondAsync(NationalPartnerView partner, Guid themeId, NationalResponse input, CancellationToken ct)
    {
        var detail = await GetAsync(partner, themeId, ct);
        var asks = new List<InboxAsk>();
        foreach (var item in detail.Asks)
        {
            asks.Add(await inbox.GetAsync(partner, item.Id, ct));
        }
        var errors = new InputErrors();
        var response = NationalInbox.Read(input, errors, kind => asks.Any(a => NationalInbox.Refusal(kind, a) is null)
            ? null
            : "None of the theme's asks can take this response now: each is with its system, decided, or in discussion already");
        errors.ThrowIfAny();
        var answered = new List<string>();
        var notAnswered = new List<string>();
        foreach (var ask in asks)
        {
            var name = $"{ask.System}: {ask.Ask.Title}";
            if (NationalInbox.Refusal(response.Kind, ask) is not null)
            {
                notAnswered.Add(name);
                continue;
            }
            await inbox.ApplyAsync(partner, ask, response, Versions.Any, detail.Theme, ct);
            answered.Add(name);
        }
        await inbox.SaveAsync(detail.Theme.Title, ct);
        return new ThemeResponseResult(answered, notAnswered);
    }
}
