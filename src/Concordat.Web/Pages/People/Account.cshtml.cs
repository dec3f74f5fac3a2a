using Concordat.Core.Access;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.People;

/// <summary>
/// An administrator looks after someone's account as a whole, across every system: outside any system's pages,
/// because these acts are recorded in each of the person's systems.
/// </summary>
public sealed class PersonAccountModel(AccountService accounts, TwoStepVerification twoStep) : PageModel
{
    [FromRoute]
    public Guid PersonId { get; set; }

    public AccountSummary Account { get; private set; } = null!;
    public string? ResetLink { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Account = await accounts.SummaryAsync(PersonId, await ActorAsync(ct), ct);

    public Task<IActionResult> OnPostEndSessionsAsync(CancellationToken ct) =>
        ActAsync((actor, c) => accounts.EndSessionsAsync(PersonId, actor, c), "Their sessions have ended.", ct);

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) =>
        ActAsync((actor, c) => accounts.DeactivateAsync(PersonId, actor, c), "Account deactivated.", ct);

    public Task<IActionResult> OnPostResetTwoStepAsync(CancellationToken ct) =>
        ActAsync((actor, c) => twoStep.ResetAsync(PersonId, actor, c), "Two-step verification reset: they set it up again at their next sign-in.", ct);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken ct) =>
        ActAsync((actor, c) => accounts.ReactivateAsync(PersonId, actor, c), "Account reactivated.", ct);

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        try
        {
            ResetLink = InvitationLinks.For(Request, await accounts.CreateResetLinkAsync(PersonId, actor, ct));
        }
        catch (InputInvalidException e)
        {
            Account = await accounts.SummaryAsync(PersonId, actor, ct);
            return this.InvalidInput(e, prefix: "");
        }
        Account = await accounts.SummaryAsync(PersonId, actor, ct);
        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<AccountActor, CancellationToken, Task> act, string done, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        try
        {
            await act(actor, ct);
        }
        catch (InputInvalidException e)
        {
            Account = await accounts.SummaryAsync(PersonId, actor, ct);
            return this.InvalidInput(e, prefix: "");
        }
        this.Succeeded(done);
        return Redirect($"/people/{PersonId}/account");
    }

    private Task<AccountActor> ActorAsync(CancellationToken ct) => accounts.ActorAsync(User.PersonId(), ct);
}
