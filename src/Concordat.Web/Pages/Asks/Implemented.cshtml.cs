using System.ComponentModel.DataAnnotations;
using Concordat.Core.Asks;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

/// <summary>Records the day an agreed change took effect.</summary>
public sealed class ImplementedModel(AskService asks, AskExchangeService exchange) : AskStepPageModel(asks)
{
    public sealed class ImplementedForm
    {
        [Display(Name = "The day the change took effect")]
        public DateOnly? ImplementedOn { get; set; }
    }

    [BindProperty]
    public ImplementedForm Input { get; set; } = new();

    protected override string StepInWords => "record that it is implemented";

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TakeAsync(
        () => exchange.MarkImplementedAsync(Id, Input.ImplementedOn, Version, Actor, ct), "The change is recorded as in effect", "deal", ct,
        nameof(ImplementedForm.ImplementedOn));
}
