using Concordat.Core.Partnerships;

namespace Concordat.Web.Pages.Partnerships.Forums;

public sealed class ForumsModel(GovernanceForumService forums) : SystemPageModel
{
    public IReadOnlyList<ForumDetail> Forums { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Forums = await forums.ListAsync(ct);
}
