using Concordat.Core.Resources;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

/// <summary>Every commitment of a resource to a goal and every request for a partner's resource, whatever became of it.</summary>
public sealed class CommitmentsModel(CommitmentService commitments) : SystemPageModel
{
    public IReadOnlyList<CommitmentRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await commitments.AllAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvDownload.File("commitments-and-requests.csv", CommitmentTable.For(await commitments.AllAsync(ct)));
}
