using Concordat.Core.Access;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.National;

/// <summary>
/// A national partner's home, outside every system: the body they speak for and the systems' public strategies, which is
/// all of any system they may read.
/// </summary>
public sealed class NationalHomeModel(NationalBodyService bodies, SystemDirectory directory) : PageModel
{
    public NationalPartnerView Me { get; private set; } = null!;
    public IReadOnlyList<PublicStrategySummary> PublicStrategies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Me = await bodies.PartnerOfAsync(User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
        PublicStrategies = await directory.PublicStrategiesAsync(ct);
    }
}
