using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Iterations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme.Iterations;

/// <summary>
/// An iteration's retrospective across partners: each organisation that took part answers for itself, the answers side by
/// side; convenors record the actions agreed (as work items) and close it.
/// </summary>
public sealed class RetrospectiveModel(IterationService iterations, WorkstreamService workstreams, OrganisationService organisations) : SystemPageModel
{
    [FromRoute]
    public Guid IterationId { get; set; }

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    [BindProperty]
    public ActionForm Action { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public IterationRetrospective Retrospective { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> OrganisationOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> WorkstreamOptions { get; private set; } = [];

    /// <summary>The participants this person answers for.</summary>
    public IReadOnlyList<RetrospectiveAnswerView> Mine => Retrospective.Iteration.IsRetrospectiveOpen
        ? [.. Retrospective.Answers.Where(a => Actor.CanContributeFor(a.OrganisationId))] : [];

    public sealed class AnswerForm
    {
        public Guid OrganisationId { get; set; }
        public Guid? Version { get; set; }
        public string? WentWell { get; set; }
        public string? ToChange { get; set; }
        public string? LearnedAboutPartners { get; set; }
    }

    public sealed class ActionForm
    {
        public string? Title { get; set; }
        public Guid? OwnerOrganisationId { get; set; }
        public Guid? WorkstreamId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Mine.Count > 0)
        {
            var mine = Mine[0];
            Answer = new AnswerForm
            {
                OrganisationId = mine.OrganisationId, Version = mine.Answer?.Version, WentWell = mine.Answer?.WentWell, ToChange = mine.Answer?.ToChange,
                LearnedAboutPartners = mine.Answer?.LearnedAboutPartners,
            };
        }
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        try
        {
            await iterations.AnswerAsync(IterationId, Answer.OrganisationId, new SaveRetrospectiveAnswer(Answer.WentWell, Answer.ToChange, Answer.LearnedAboutPartners),
                Answer.Version ?? Guid.Empty, Actor, ct);
            this.Succeeded("Your organisation's answer is saved");
            return Redirect($"{SystemHome}/work/iterations/{IterationId}/retrospective");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix: "Answer");
        }
        catch (EditConflictException)
        {
            await LoadAsync(ct);
            Answer.Version = Retrospective.Answers.FirstOrDefault(a => a.OrganisationId == Answer.OrganisationId)?.Answer?.Version;
            ModelState.AddModelError("Answer.WentWell", "Someone else in your organisation changed its answer while you were writing: read it above, then save yours again");
            return this.InvalidInput();
        }
    }

    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        try
        {
            var item = await iterations.AddActionAsync(IterationId, new AddRetrospectiveAction(Action.Title, Action.OwnerOrganisationId, Action.WorkstreamId), Actor, ct);
            this.Succeeded($"{item.Title} added to the backlog");
            return Redirect($"{SystemHome}/work/iterations/{IterationId}/retrospective#actions");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, prefix: "Action");
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        try
        {
            await iterations.CloseRetrospectiveAsync(IterationId, Version, Actor, ct);
            this.Succeeded("Retrospective closed");
        }
        catch (Exception e) when (e is InputInvalidException or EditConflictException)
        {
            TempData["Problem"] = "Someone changed the retrospective while you were looking: check it, then close it again.";
        }
        return Redirect($"{SystemHome}/work/iterations/{IterationId}/retrospective");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Retrospective = await iterations.RetrospectiveAsync(IterationId, ct);
        Version = Retrospective.Iteration.Version;
        if (Actor.IsConvenor)
        {
            OrganisationOptions = [new("Choose the organisation", ""), .. (await organisations.ListAsync(ct)).Where(o => o.IsPartner)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == Action.OwnerOrganisationId))];
            WorkstreamOptions = [new("Choose the workstream", ""), .. (await workstreams.ListAsync(ct)).Where(w => w.Status != WorkstreamStatus.Closed)
                .Select(w => new SelectListItem(w.Name, w.Id.ToString(), w.Id == Action.WorkstreamId))];
        }
    }
}
