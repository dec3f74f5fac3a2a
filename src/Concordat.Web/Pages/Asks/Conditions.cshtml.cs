using Concordat.Core.Asks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Asks;

/// <summary>The system's own reading of whether it keeps the conditions attached to the agreement: the deal's other side.</summary>
public sealed class ConditionsModel(AskService asks, AskExchangeService exchange) : AskStepPageModel(asks)
{
    public sealed class ConditionsForm
    {
        public ConditionStatus? Status { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty]
    public ConditionsForm Input { get; set; } = new();

    public IEnumerable<SelectListItem> StatusOptions =>
        new[] { ConditionStatus.BeingMet, ConditionStatus.AtRisk, ConditionStatus.NotBeingMet }.Select(s => new SelectListItem(s.InWords(), s.ToString(), s == Input.Status));

    protected override string StepInWords => "assess its conditions";

    protected override void Prefill()
    {
        if (Detail.Ask.ConditionStatus != ConditionStatus.NotAssessed)
        {
            (Input.Status, Input.Note) = (Detail.Ask.ConditionStatus, Detail.Ask.ConditionNote);
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TakeAsync(
        () => exchange.AssessConditionsAsync(Id, new ConditionAssessment(Input.Status, Input.Note), Version, Actor, ct), "The conditions are assessed", "deal", ct,
        nameof(ConditionsForm.Status), nameof(ConditionsForm.Note));
}
