using Concordat.Core.Goals;
using Concordat.Core.History;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Ambitions;

/// <summary>One ambition with its goals, and for convenors the forms to change and remove it.</summary>
public sealed class AmbitionModel(AmbitionService ambitions, HistoryService history) : EditPageModel
{
    public Ambition Ambition { get; private set; } = null!;
    public IReadOnlyList<ArrangedGoal> Goals { get; private set; } = [];
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    [BindProperty]
    public AmbitionForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Ambition.Version;
        Input = new AmbitionForm { Title = Ambition.Title, Description = Ambition.Description };
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        return await SaveAsync(() => ambitions.UpdateAsync(Id, Input.ToInput(), Version, Actor, ct), "Changes saved", $"{SystemHome}/ambitions/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        Input = new AmbitionForm { Title = Ambition.Title, Description = Ambition.Description };
        return await SaveAsync(() => ambitions.RemoveAsync(Id, Version, Actor, ct), $"{Ambition.Title} removed", $"{SystemHome}/ambitions");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Ambition = await ambitions.GetAsync(Id, ct);
        Goals = (await ambitions.ArrangementAsync(ct)).Ambitions.Single(a => a.Ambition.Id == Id).Goals;
        History = await history.ForItemAsync(Id, ct);
    }
}
