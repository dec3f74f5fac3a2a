using Concordat.Core.Words;
using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Resources;

/// <summary>The resources a contribution commits: commit part of a resource for a period, or release a commitment.</summary>
public sealed class CommitModel(ContributionService contributions, CommitmentService commitments, ResourceService resources) : SystemPageModel
{
    public sealed class CommitForm
    {
        public Guid? ResourceId { get; set; }
        public string? Quantity { get; set; }
        [Display(Name = "Start date")]
        public DateOnly? StartsOn { get; set; }
        [Display(Name = "End date")]
        public DateOnly? EndsOn { get; set; }
        public string? OverCommitmentReason { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public CommitForm Input { get; set; } = new();

    public ContributionDetail Contribution { get; private set; } = null!;
    public IReadOnlyList<CommitmentRow> Commitments { get; private set; } = [];
    public IReadOnlyList<ResourceRow> Register { get; private set; } = [];
    public bool NeedsReason { get; private set; }

    public IEnumerable<SelectListItem> ResourceOptions =>
        [new SelectListItem("Select a resource", "", Input.ResourceId is null), .. Register
            .OrderBy(r => r.Resource.OrganisationId != Contribution.Contribution.OrganisationId)
            .Select(r => new SelectListItem(
                $"{r.Resource.Name}, {r.Organisation} ({r.Resource.Kind.InWords()}; {Prose.Amount(r.Idle, r.Resource.Unit)} idle" +
                (r.Resource.OrganisationId == Contribution.Contribution.OrganisationId ? ")" : "; a request to its owner)"),
                r.Resource.Id.ToString(), r.Resource.Id == Input.ResourceId))];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.ClearExceptDates();
        var input = new CommitResource(Input.ResourceId, ResourceForm.ParseNumber(Input.Quantity, "Input.Quantity", "Amount", ModelState),
            Input.StartsOn, Input.EndsOn, Input.OverCommitmentReason);
        try
        {
            var commitment = await commitments.CommitAsync(Id, input, Actor, ct);
            this.Succeeded(commitment.Status == CommitmentStatus.Requested ? "Resource requested: it counts once its owner accepts"
                : commitment.OverCommitmentReason is null ? "Resource committed" : "Resource committed beyond its capacity; the over-commitment is flagged");
            return Redirect($"{SystemHome}/contributions/{Id}/resources");
        }
        catch (InputInvalidException e)
        {
            // Beyond the free capacity of the organisation's own resource: offer the explicit over-commitment with a reason.
            NeedsReason = e.Errors.ContainsKey(nameof(CommitResource.Quantity)) && e.Errors[nameof(CommitResource.Quantity)].Any(m => m.StartsWith("Only ", StringComparison.Ordinal))
                && Register.Any(r => r.Resource.Id == Input.ResourceId && r.Resource.OrganisationId == Contribution.Contribution.OrganisationId);
            return this.InvalidInput(e);
        }
        catch (EditConflictException)
        {
            ModelState.AddModelError("Input.Quantity", "Someone committed this resource at the same moment. Check what is free now and try again.");
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostReleaseAsync(Guid commitmentId, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Commitments.Any(c => c.Commitment.Id == commitmentId))
        {
            throw new NotFoundException("That commitment has already been released.");
        }
        var status = Commitments.Single(c => c.Commitment.Id == commitmentId).Commitment.Status;
        await commitments.ReleaseAsync(commitmentId, Actor, ct);
        this.Succeeded(status switch { CommitmentStatus.Requested => "Request withdrawn", CommitmentStatus.Declined => "Declined request cleared", _ => "Commitment released" });
        return Redirect($"{SystemHome}/contributions/{Id}/resources");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Contribution = await contributions.GetAsync(Id, ct);
        CommitmentService.RequireCommitter(Actor, Contribution.Contribution.OrganisationId);
        Commitments = await commitments.ForContributionAsync(Id, ct);
        Register = await resources.ListAsync(new ResourceFilter(), ct);
    }
}
