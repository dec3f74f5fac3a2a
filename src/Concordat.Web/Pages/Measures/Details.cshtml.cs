using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Measures;
using Concordat.Core.Tables;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Measures;

public sealed class MeasureModel(MeasureService measures, MeasureDataService data, GoalService goals, HistoryService history, Concordat.Core.Data.ConcordatDb db) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public MeasureDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    /// <summary>Goals this person may add the measure to (convenors: any; leads: those their organisation leads or owns), not yet linked.</summary>
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> LinkableGoals { get; private set; } = [];

    [BindProperty]
    public Guid? GoalId { get; set; }
    public bool CanRecord => Actor.ActsFor(Detail.Measure.OwnerOrganisationId, Concordat.Core.Partnerships.DelegatedCapability.MeasureData);
    public bool CanManage => Actor.ActsFor(Detail.Measure.OwnerOrganisationId, Concordat.Core.Partnerships.DelegatedCapability.MeasureData, leadsOnly: true);

    public sealed class RebaseForm
    {
        [Display(Name = "First period of the new process")]
        public DateOnly? PeriodStart { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public RebaseForm Rebase { get; set; } = new();

    [BindProperty]
    public Guid? RebaseId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>The data with each point's reading, for everyone who may read the page.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var (measure, table) = await measures.DataTableAsync(Id, ct);
        return CsvDownload.File(MeasureDataTable.FileName(measure, "csv"), table);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var (measure, table) = await measures.DataTableAsync(Id, ct);
        return File(await table.ToXlsxAsync("Data", ct), Table.XlsxMediaType, MeasureDataTable.FileName(measure, "xlsx"));
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        try
        {
            if (GoalId is not { } goalId)
            {
                throw new InputInvalidException(nameof(GoalId), "Select a goal");
            }
            await measures.LinkToGoalAsync(Id, goalId, Actor, ct);
            this.Succeeded("Measure linked to the goal");
            return Redirect($"{SystemHome}/measures/{Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "");
        }
    }

    public async Task<IActionResult> OnPostRebaseAsync(CancellationToken ct)
    {
        ModelState.ClearExceptDates();
        var period = Rebase.PeriodStart;
        try
        {
            await data.AddRebaseAsync(Id, new AddRebase(period, Rebase.Reason), Actor, ct);
            this.Succeeded("Limits recalculated from " + Prose.Month(period!.Value));
            return Redirect($"{SystemHome}/measures/{Id}#rebases");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e, "Rebase");
        }
    }

    public async Task<IActionResult> OnPostRemoveRebaseAsync(CancellationToken ct)
    {
        if (RebaseId is { } rebaseId)
        {
            await data.RemoveRebaseAsync(Id, rebaseId, Actor, ct);
            this.Succeeded("Recalculation point removed");
        }
        return Redirect($"{SystemHome}/measures/{Id}#rebases");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await measures.GetAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
        var linked = Detail.Goals.Select(g => g.Id).ToHashSet();
        var candidates = (await goals.ListAsync(new GoalFilter(), ct)).Where(g => g.Status != GoalStatus.Retired && !linked.Contains(g.Id)).ToList();
        var stewards = await Goal.StewardsOfAsync(db, [.. candidates.Select(g => g.Id)], ct);
        var mine = candidates.Where(g => Goal.CanShape(Actor, stewards[g.Id])).ToList();
        LinkableGoals = mine.Count == 0 ? [] :
            [new("Select a goal", ""), .. mine.Select(g => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(g.Title, g.Id.ToString(), g.Id == GoalId))];
    }
}
