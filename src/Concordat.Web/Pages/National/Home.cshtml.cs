using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.National;

/// <summary>
/// A national partner's home, outside every system: the body they speak for, the asks systems have submitted to it, and
/// the systems' public strategies, which is all of any system they may read.
/// </summary>
public sealed class NationalHomeModel(NationalBodyService bodies, SystemDirectory directory, NationalInbox inbox) : PageModel
{
    public NationalPartnerView Me { get; private set; } = null!;
    public IReadOnlyList<PublicStrategySummary> PublicStrategies { get; private set; } = [];

    /// <summary>Asks submitted to the body, and of them those waiting on its move.</summary>
    public int Asks { get; private set; }
    public int WaitingOnUs { get; private set; }
    public int Overdue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = await bodies.PartnerOfAsync(User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
        PublicStrategies = await directory.PublicStrategiesAsync(ct);
        var asks = await inbox.ListAsync(Me, new InboxFilter(), ct);
        Asks = asks.Count;
        WaitingOnUs = asks.Count(a => a.Clock.WaitingOn == AskSide.National);
        Overdue = asks.Count(a => a.Clock.Lateness != Lateness.OnTime);
    }
}
