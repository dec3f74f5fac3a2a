using Concordat.Core.Access;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Goals;

public sealed class PerspectiveModel(GoalService goals, PerspectiveService perspectives) : SystemPageModel
{
    public sealed class PerspectiveForm
    {
        public string? WhatItMeans { get; set; }
        public string? WhatWeNeed { get; set; }
        public string? WhatWorriesUs { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>Which of the person's organisations speaks; defaults to the first they can act for.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public PerspectiveForm Input { get; set; } = new();

    [BindProperty]
    public Guid? Version { get; set; }

    public string GoalTitle { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> OrganisationOptions { get; private set; } = [];
    public EditConflictView? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var existing = (await perspectives.ForGoalAsync(Id, ct)).SingleOrDefault(p => p.OrganisationId == OrganisationId);
        if (existing is not null)
        {
            Input = new PerspectiveForm { WhatItMeans = existing.WhatItMeans, WhatWeNeed = existing.WhatWeNeed, WhatWorriesUs = existing.WhatWorriesUs };
            Version = existing.Version;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await perspectives.SaveAsync(Id, OrganisationId!.Value, new SavePerspective(Input.WhatItMeans, Input.WhatWeNeed, Input.WhatWorriesUs), Version, Actor, ct);
            this.Succeeded($"{OrganisationName}'s perspective saved");
            return Redirect($"{SystemHome}/goals/{Id}#perspectives");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
        catch (EditConflictException e)
        {
            Version = (await perspectives.ForGoalAsync(Id, ct)).SingleOrDefault(p => p.OrganisationId == OrganisationId)?.Version;
            Conflict = this.ShowEditConflict(e);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        GoalTitle = (await goals.GetAsync(Id, ct)).Title;
        var speakable = Actor.Memberships.Where(m => Actor.CanContributeFor(m.OrganisationId)).DistinctBy(m => m.OrganisationId)
            .OrderBy(m => m.OrganisationName, StringComparer.Ordinal).ToList();
        var chosen = OrganisationId is { } id ? speakable.FirstOrDefault(m => m.OrganisationId == id) : speakable.FirstOrDefault();
        if (chosen is null)
        {
            throw new ForbiddenException("Only an organisation's own leads and contributors can record its perspective.");
        }
        OrganisationId = chosen.OrganisationId;
        OrganisationName = chosen.OrganisationName;
        OrganisationOptions = speakable.Select(m => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(m.OrganisationName, m.OrganisationId.ToString(),
            m.OrganisationId == chosen.OrganisationId)).ToList();
    }
}
