using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Goals;

public sealed record SavePerspective(string? WhatItMeans, string? WhatWeNeed, string? WhatWorriesUs);

public sealed record PerspectiveView(Guid OrganisationId, string Organisation, string? WhatItMeans, string? WhatWeNeed, string? WhatWorriesUs,
    string UpdatedBy, DateTime UpdatedAtUtc, Guid Version);

public sealed class PerspectiveService(ConcordatDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PerspectiveView>> ForGoalAsync(Guid goalId, CancellationToken ct) =>
        await db.Perspectives.AsNoTracking().Where(p => p.GoalId == goalId)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Perspective = p, Organisation = o.Name })
            .OrderBy(x => x.Organisation).ThenBy(x => x.Perspective.OrganisationId)
            .Select(x => new PerspectiveView(x.Perspective.OrganisationId, x.Organisation, x.Perspective.WhatItMeans, x.Perspective.WhatWeNeed,
                x.Perspective.WhatWorriesUs, x.Perspective.UpdatedByName, x.Perspective.UpdatedAtUtc, x.Perspective.Version))
            .ToListAsync(ct);

    /// <summary>
    /// Records or changes an organisation's perspective. Its leads and contributors speak for it; a change made
    /// against an older version than the stored one is refused rather than overwriting it.
    /// </summary>
    public async Task<Perspective> SaveAsync(Guid goalId, Guid organisationId, SavePerspective input, Guid? expectedVersion, Actor actor, CancellationToken ct)
    {
        var goal = await db.Goals.AsNoTracking().Where(g => g.Id == goalId).Select(g => new { g.Title }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("There is no such goal in this system.");
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("There is no such organisation in this system.");
        if (!actor.CanContributeFor(organisationId))
        {
            throw new ForbiddenException("Only the organisation's own leads and contributors can record its perspective.");
        }
        var errors = new InputErrors();
        var means = errors.OptionalText(nameof(input.WhatItMeans), "What this goal means for you", input.WhatItMeans, Perspective.TextMaxLength);
        var need = errors.OptionalText(nameof(input.WhatWeNeed), "What you need from partners", input.WhatWeNeed, Perspective.TextMaxLength);
        var worries = errors.OptionalText(nameof(input.WhatWorriesUs), "What worries you", input.WhatWorriesUs, Perspective.TextMaxLength);
        if (means is null && need is null && worries is null)
        {
            errors.Add(nameof(input.WhatItMeans), "Say what this goal means for your organisation, what you need from partners, or what worries you");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow().UtcDateTime;
        var perspective = await db.Perspectives.SingleOrDefaultAsync(p => p.GoalId == goalId && p.OrganisationId == organisationId, ct);
        var before = perspective?.Snapshot(organisation);
        if (perspective is null && expectedVersion == Versions.Any)
        {
            // If-Match: * matches only something that exists (RFC 9110).
            throw new EditConflictException($"{organisation}'s perspective", Guid.Empty, new Dictionary<string, string?>());
        }
        if (perspective is null)
        {
            perspective = new Perspective { SystemId = actor.SystemId, GoalId = goalId, OrganisationId = organisationId, UpdatedByName = actor.DisplayName };
            db.Perspectives.Add(perspective);
        }
        else
        {
            if (!perspective.Version.Matches(expectedVersion, "perspective"))
            {
                throw new EditConflictException($"{organisation}'s perspective", perspective.Version, perspective.Snapshot(organisation));
            }
            db.Entry(perspective).Property(p => p.Version).OriginalValue = perspective.Version;
            db.Entry(perspective).State = EntityState.Modified;
        }
        perspective.WhatItMeans = means;
        perspective.WhatWeNeed = need;
        perspective.WhatWorriesUs = worries;
        perspective.UpdatedByPersonId = actor.PersonId ?? Guid.Empty;
        perspective.UpdatedByName = actor.DisplayName;
        perspective.UpdatedAtUtc = now;
        db.Audit(actor, now, "PerspectiveRecorded", GoalService.EntityType, goalId, goal.Title, before, perspective.Snapshot(organisation));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            throw new EditConflictException($"{organisation}'s perspective", Guid.Empty, new Dictionary<string, string?>());
        }
        return perspective;
    }
}
