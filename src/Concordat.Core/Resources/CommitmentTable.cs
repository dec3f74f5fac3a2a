using Concordat.Core.Tables;

namespace Concordat.Core.Resources;

/// <summary>
/// Commitments and requests as a CSV download gives them: what was asked for against what the owner accepted, who
/// asked and who answered when, and why a request was declined or a resource over-committed.
/// </summary>
public static class CommitmentTable
{
    public static readonly IReadOnlyList<string> Header =
    [
        "resource", "owner", "requested_by", "goal", "status", "counts", "unit", "requested_quantity", "requested_starts_on", "requested_ends_on",
        "accepted_quantity", "accepted_starts_on", "accepted_ends_on", "asked_by", "asked_at_utc", "answered_by", "answered_at_utc", "decline_reason",
        "over_commitment_reason",
    ];

    public static Table For(IEnumerable<CommitmentRow> rows) => new(Header, [.. rows.Select(Row)]);

    private static IReadOnlyList<object?> Row(CommitmentRow r)
    {
        var c = r.Commitment;
        var accepted = c.Status == CommitmentStatus.Accepted;
        return
        [
            r.ResourceName, r.Owner, r.Organisation, r.GoalTitle, c.Status.InWords(), r.Counts, r.Unit, c.RequestedQuantity, c.RequestedStartsOn, c.RequestedEndsOn,
            accepted ? c.Quantity : null, accepted ? c.StartsOn : null, accepted ? c.EndsOn : null, c.CreatedByName, c.CreatedAtUtc, c.AnsweredByName,
            c.AnsweredAtUtc, c.DeclineReason, c.OverCommitmentReason,
        ];
    }
}
