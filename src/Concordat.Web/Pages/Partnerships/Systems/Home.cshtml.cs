using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Waiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Pages.Partnerships.Systems;

/// <summary>A person's first page in a system: what is waiting on them, then what others changed since their last visit.</summary>
public sealed class SystemHomeModel(ConcordatDb db, HistoryService history, WaitingService waiting) : SystemPageModel
{
    public int OrganisationCount { get; private set; }
    public int PlaceCount { get; private set; }
    public int PeopleCount { get; private set; }
    public WaitingOnYou Waiting { get; private set; } = null!;
    public ChangesSinceLastVisit SinceLastVisit { get; private set; } = null!;

    /// <summary>The latest changes by anyone, shown on a first visit instead of changes since the last.</summary>
    public IReadOnlyList<HistoryEntry> Recent { get; private set; } = [];

    /// <summary>How many things wait on the person, for the header's link on every page.</summary>
    public async Task<IActionResult> OnGetWaitingCountAsync(CancellationToken ct) => new JsonResult(new { count = (await waiting.ForAsync(Actor, ct)).Count });

    public async Task OnGetAsync(CancellationToken ct)
    {
        OrganisationCount = await db.Organisations.CountAsync(o => o.IsPartner, ct);
        PlaceCount = await db.Places.CountAsync(ct);
        PeopleCount = await db.Memberships.Select(m => m.PersonId).Distinct().CountAsync(ct);
        Waiting = await waiting.ForAsync(Actor, ct);
        SinceLastVisit = await waiting.ChangesSinceLastVisitAsync(Actor, ct);
        if (SinceLastVisit.Since is null)
        {
            Recent = (await history.FeedAsync(null, null, 1, ct)).Entries.Take(5).ToList();
        }
    }
}
