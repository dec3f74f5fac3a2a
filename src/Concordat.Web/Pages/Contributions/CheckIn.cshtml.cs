using Concordat.Core.Access;
using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Contributions;

public sealed class CheckInModel(ContributionService contributions) : SystemPageModel
{
    public sealed class CheckInForm
    {
        public CheckInStatus? Status { get; set; }
        public string? Confidence { get; set; }
        public string? Narrative { get; set; }
    }

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public CheckInForm Input { get; set; } = new();

    public string Heading { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        // Nothing typed is no confidence at all; text that is not a whole number is sent on as one out of range, so the
        // service says what is wrong with it.
        int? confidence = string.IsNullOrWhiteSpace(Input.Confidence) ? null : int.TryParse(Input.Confidence.Trim(), out var number) ? number : int.MinValue;
        try
        {
            await contributions.CheckInAsync(Id, new PostCheckIn(Input.Status, confidence, Input.Narrative), Actor, ct);
            this.Succeeded("Check-in posted");
            return Redirect($"{SystemHome}/contributions/{Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var detail = await contributions.GetAsync(Id, ct);
        ContributionService.RequireCheckInBy(Actor, detail.Contribution.OrganisationId);
        Heading = $"{detail.Organisation}: {detail.GoalTitle}";
    }
}
