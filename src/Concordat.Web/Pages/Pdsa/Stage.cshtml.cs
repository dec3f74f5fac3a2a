using Concordat.Core.Pdsa;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Pdsa;

/// <summary>Records the Do, Study or Act stage of a cycle against the version read; the service keeps the stages in order.</summary>
public sealed class StageModel(PdsaService cycles) : EditPageModel
{
    /// <summary>The fields of all three stages; the page shows those of its stage, named as the service names them.</summary>
    public sealed class StageForm
    {
        public string? WhatHappened { get; set; }
        public string? Observations { get; set; }
        public string? Surprises { get; set; }
        public string? Result { get; set; }
        public PdsaDecision? Decision { get; set; }
        public string? Notes { get; set; }
    }

    [FromRoute]
    public string Stage { get; set; } = "";

    [BindProperty]
    public StageForm Input { get; set; } = new();

    public PdsaDetail Detail { get; private set; } = null!;

    public string Heading => Stage switch
    {
        "do" => "What happened",
        "study" => "Study the result",
        _ => "What to do next",
    };

    public IEnumerable<SelectListItem> DecisionOptions() =>
        Enum.GetValues<PdsaDecision>().Select(d => new SelectListItem($"{d.InWords()}: {d.Meaning()}", d.ToString(), d == Input.Decision));

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var c = Detail.Cycle;
        Input = new StageForm
        {
            WhatHappened = c.WhatHappened, Observations = c.Observations, Surprises = c.Surprises, Result = c.Result, Decision = c.Decision, Notes = c.ActNotes,
        };
        Version = c.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        var back = $"{SystemHome}/pdsa/{Id}#{Stage}";
        return Stage switch
        {
            "do" => await SaveAsync(() => cycles.RecordDoAsync(Id, new RecordPdsaDo(Input.WhatHappened, Input.Observations, Input.Surprises), Version, Actor, ct),
                "What happened is recorded", back),
            "study" => await SaveAsync(() => cycles.RecordStudyAsync(Id, new RecordPdsaStudy(Input.Result), Version, Actor, ct), "The study is recorded", back),
            _ => await SaveAsync(() => cycles.RecordActAsync(Id, new RecordPdsaAct(Input.Decision, Input.Notes), Version, Actor, ct), "The decision is recorded", back),
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await cycles.GetAsync(Id, ct);
        PdsaCycle.RequireOwner(Actor, Detail.Cycle.OwnerOrganisationId, "record this test's stages");
    }
}
