using Concordat.Core.Access;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Dependencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.WorkProgramme;

/// <summary>An item's dependencies: what it depends on, what needs it, asking for another item, and answering.</summary>
public sealed partial class ItemModel
{
    /// <summary>The dependency whose answer form is open (from "Answer" on its row).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Answer { get; set; }

    [BindProperty]
    public Guid? ProducerItemId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid? DependencyId { get; set; }

    [BindProperty]
    public Guid DependencyVersion { get; set; }

    [BindProperty]
    public DateOnly? CommittedOn { get; set; }

    [BindProperty]
    public string? DeclineReason { get; set; }

    /// <summary>What this item needs from other items.</summary>
    public IReadOnlyList<DependencyRow> DependsOn { get; private set; } = [];

    /// <summary>What other items need from this one.</summary>
    public IReadOnlyList<DependencyRow> NeededBy { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ItemOptions { get; private set; } = [];
    public DependencyRow? Answering => NeededBy.Concat(DependsOn).FirstOrDefault(r => r.Dependency.Id == Answer && r.Dependency.State == DependencyState.Requested && CanAnswer(r));

    /// <summary>Only the producing organisation's people answer and deliver: no one answers for another organisation.</summary>
    public bool CanAnswer(DependencyRow row) => Actor.CanContributeFor(row.Producer.OrganisationId);

    public bool CanWithdraw(DependencyRow row) => row.Dependency.State.IsOpen()
        && (CanAnswer(row) || Actor.IsConvenor || Actor.CanContributeFor(row.Consumer.OrganisationId));

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct) =>
        await DependencyActAsync(() => dependencies.RequestAsync(new RequestDependency(ItemId, ProducerItemId, Note), Actor, ct), "Dependency requested", "depends-on", ct);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        await DependencyActAsync(() => dependencies.AcceptAsync(Answer ?? Guid.Empty, new AcceptDependency(CommittedOn), DependencyVersion, Actor, ct),
            "Accepted, with the date you committed to", "needed-by", ct);

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) =>
        await DependencyActAsync(() => dependencies.DeclineAsync(Answer ?? Guid.Empty, new DeclineDependency(DeclineReason), DependencyVersion, Actor, ct),
            "Declined, with your reason", "needed-by", ct);

    public async Task<IActionResult> OnPostDeliverAsync(CancellationToken ct) =>
        await DependencyActAsync(() => dependencies.DeliverAsync(DependencyId ?? Guid.Empty, DependencyVersion, Actor, ct), "Marked delivered", "needed-by", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        await DependencyActAsync(() => dependencies.WithdrawAsync(DependencyId ?? Guid.Empty, DependencyVersion, Actor, ct), "Dependency withdrawn", "depends-on", ct);

    private async Task<IActionResult> DependencyActAsync(Func<Task<Dependency>> act, string done, string section, CancellationToken ct)
    {
        try
        {
            await act();
            this.Succeeded(done);
            return Redirect($"{SystemHome}/work/items/{ItemId}#{section}");
        }
        catch (InputInvalidException e)
        {
            ModelState.ClearExceptDates();
            foreach (var (field, messages) in e.Errors)
            {
                // A dependency's state has no field of its own to point to, so that error is the form's.
                ModelState.AddModelError(field == nameof(Dependency.State) ? "" : field, messages[0]);
            }
            return await ReshowAsync(ct);
        }
        catch (EditConflictException)
        {
            ModelState.AddModelError("", "Someone answered or changed this dependency while you were looking: check where it stands now, then try again");
            return await ReshowAsync(ct);
        }
    }

    private async Task<IActionResult> ReshowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Status, BlockedReason, BlockedOnOrganisationId, Version) = (Detail.Card.Status, Detail.Card.BlockedReason, Detail.Card.BlockedOnOrganisationId, Detail.Item.Version);
        await OptionsAsync(ct);
        return this.InvalidInput();
    }

    private async Task LoadDependenciesAsync(CancellationToken ct)
    {
        var rows = await dependencies.ListAsync(new DependencyFilter(ItemId: ItemId), ct);
        DependsOn = [.. rows.Where(r => r.Consumer.ItemId == ItemId)];
        NeededBy = [.. rows.Where(r => r.Producer.ItemId == ItemId)];
        if (CanChange)
        {
            ItemOptions = [new("Choose the item this one needs", ""), .. (await items.ListAsync(new WorkItemFilter(), ct))
                .Where(c => c.Id != ItemId && c.Status != WorkItemStatus.Done)
                .OrderBy(c => c.OwnerOrganisation, StringComparer.CurrentCulture).ThenBy(c => c.Title, StringComparer.CurrentCulture)
                .Select(c => new SelectListItem($"{c.Title} ({c.OwnerOrganisation})", c.Id.ToString(), c.Id == ProducerItemId))];
        }
    }
}
