using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Concordat.Core.WorkProgramme;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Raid;

/// <summary>Changes an entry against the version the person read; its kind stays as it was added.</summary>
public sealed class EditModel(RaidService raid, OrganisationService organisations, GovernanceForumService forums, GoalService goals, WorkstreamService workstreams,
    WorkItemService items) : EditPageModel, IRaidFormPage
{
    [BindProperty]
    public RaidForm Input { get; set; } = new();

    public RaidKind Kind { get; private set; }
    public RaidFormChoices Choices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var detail = await LoadAsync(ct);
        if (!await raid.MayChangeAsync(Actor, detail.Row.Entry, ct))
        {
            throw new ForbiddenException("Only the people of the organisation that owns this entry (for a decision, of the forum's member organisations), or a convenor, can change it.");
        }
        Version = detail.Row.Entry.Version;
        Input = RaidForm.Of(detail);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        return await SaveAsync(() => raid.UpdateAsync(Id, Input.ToInput(Kind), Version, Actor, ct), "Changes saved", $"{SystemHome}/raid/{Id}");
    }

    private async Task<RaidDetail> LoadAsync(CancellationToken ct)
    {
        var detail = await raid.GetAsync(Id, ct);
        Kind = detail.Row.Entry.Kind;
        Choices = await RaidFormChoices.LoadAsync(Actor, organisations, forums, goals, workstreams, items, ct);
        return detail;
    }
}
