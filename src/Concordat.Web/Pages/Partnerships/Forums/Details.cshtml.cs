using Concordat.Core.Access;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Partnerships.Forums;

public sealed class ForumModel(GovernanceForumService forums, HistoryService history) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public ForumDetail Detail { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    /// <summary>The terms of reference split into paragraphs at blank lines; each is shown as encoded text, never as markup.</summary>
    public IReadOnlyList<string> TermsParagraphs => (Detail.Forum.TermsOfReference ?? "")
        .ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await forums.RemoveAsync(Id, Actor, ct);
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e, "");
        }
        this.Succeeded($"{Detail.Forum.Name} removed");
        return Redirect($"{SystemHome}/forums");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Detail = await forums.GetAsync(Id, ct);
        History = await history.ForItemAsync(Id, ct);
    }
}
