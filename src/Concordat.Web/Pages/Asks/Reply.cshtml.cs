using Concordat.Core.Asks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Asks;

/// <summary>
/// The system's next move in the exchange: feedback when the body has asked something, or a revised proposal, whose
/// words start as those last sent so that the timeline shows exactly what changed.
/// </summary>
public sealed class ReplyModel(AskService asks, AskExchangeService exchange) : AskStepPageModel(asks)
{
    public sealed class ReplyForm
    {
        public AskIterationKind? Kind { get; set; }
        public string? Text { get; set; }
        public string? Title { get; set; }
        public string? Barrier { get; set; }
        public string? Request { get; set; }
        public string? Offer { get; set; }
    }

    [BindProperty]
    public ReplyForm Input { get; set; } = new();

    public AskExchange Exchange { get; private set; } = null!;

    /// <summary>The moves open to the system now (the service holds to the same).</summary>
    public IReadOnlyList<AskIterationKind> Kinds => AskExchangeService.ReplyKinds(Detail.Ask.Status, Exchange.Clock.WaitingOn);

    /// <summary>The body's last word, which the reply answers.</summary>
    public AskIteration? LastFromBody => Exchange.Iterations.Select(i => i.Iteration).LastOrDefault(i => i.Kind.Side() == AskSide.National);

    public IEnumerable<SelectListItem> KindOptions =>
    [
        .. Kinds.Select(k => new SelectListItem(k == AskIterationKind.Feedback
            ? "Feedback: answer without changing the ask's words"
            : "A revised proposal: change the ask's words", k.ToString(), k == Input.Kind)),
    ];

    protected override string StepInWords => "reply for the system";

    protected override async Task LoadMoreAsync(CancellationToken ct) => Exchange = await exchange.ReadAsync(Id, ct);

    protected override void Prefill()
    {
        var ask = Detail.Ask;
        (Input.Title, Input.Barrier, Input.Request, Input.Offer) = (ask.Title, ask.Barrier, ask.Request, ask.Offer);
        if (Kinds.Count == 1)
        {
            Input.Kind = Kinds[0];
        }
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => TakeAsync(
        () => exchange.ReplyAsync(Id, new SystemReply(Input.Kind, Input.Text, Input.Title, Input.Barrier, Input.Request, Input.Offer), Version, Actor, ct),
        Input.Kind == AskIterationKind.RevisedProposal ? "Revised proposal sent to the national body" : "Feedback sent to the national body", "exchange", ct,
        nameof(ReplyForm.Kind), nameof(ReplyForm.Text), nameof(ReplyForm.Title), nameof(ReplyForm.Barrier), nameof(ReplyForm.Request), nameof(ReplyForm.Offer));
}
