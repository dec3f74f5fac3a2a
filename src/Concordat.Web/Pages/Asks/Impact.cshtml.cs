using Concordat.Core.Asks;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Asks;

/// <summary>Records what difference an implemented change made.</summary>
public sealed class ImpactModel(AskService asks, AskExchangeService exchange) : AskStepPageModel(asks)
{
    public sealed class ImpactForm
    {
        public string? ImpactReview { get; set; }
    }

    [BindProperty]
    public ImpactForm Input { get; set; } = new();

    protected override string StepInWords => "review its impact";

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TakeAsync(
        () => exchange.ReviewImpactAsync(Id, Input.ImpactReview, Version, Actor, ct), "The impact review is recorded", "deal", ct,
        nameof(ImpactForm.ImpactReview));
}
