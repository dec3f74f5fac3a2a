using Concordat.Core.Words;

namespace Concordat.Core.WorkProgramme.Dependencies;

/// <summary>One end of a dependency: the item, its owner, and what the off-track rule reads of it.</summary>
public sealed record DependencyEnd(Guid ItemId, string Title, Guid OrganisationId, string Organisation, WorkItemStatus Status, DateTime StatusSinceUtc, DateOnly? DueOn);

/// <summary>A dependency with both its items and, while it is open, why it is off track (none when it is on track).</summary>
public sealed record DependencyRow(Dependency Dependency, DependencyEnd Consumer, DependencyEnd Producer, IReadOnlyList<string> OffTrackReasons, DateOnly? OffTrackSince)
{
    public bool IsOffTrack => OffTrackReasons.Count > 0;

    /// <summary>What the consuming item's card says while this dependency is off track.</summary>
    public string AtRisk => $"At risk because of {Producer.Organisation}'s {Producer.Title}";

    /// <summary>Whether it crosses organisations; one within an organisation is a plain link with nothing to negotiate.</summary>
    public bool IsBetweenOrganisations => Consumer.OrganisationId != Producer.OrganisationId;

    /// <summary>
    /// The off-track rule, as Jira Plans has it, computed on each read: an open dependency is off track when the item
    /// needed is due (or committed) after the item that needs it, when the item needed is blocked, or when the item that
    /// needs it is due and the item needed is not done. A consuming item that is done is no longer at risk, and an item
    /// needed that is done is on track even before its organisation marks the dependency delivered.
    /// <see cref="OffTrackSince"/> is the earliest day one of those conditions can be seen to have begun: the request (or
    /// the answer, for a committed date) for a late date, when the item needed was blocked, or the consuming item's due date.
    /// </summary>
    public static DependencyRow Of(Dependency d, DependencyEnd consumer, DependencyEnd producer, DateOnly today)
    {
        if (!d.State.IsOpen() || consumer.Status == WorkItemStatus.Done || producer.Status == WorkItemStatus.Done)
        {
            return new DependencyRow(d, consumer, producer, [], null);
        }
        var reasons = new List<string>();
        var since = new List<DateOnly>();
        if (consumer.DueOn is { } needed)
        {
            // A date the producing organisation committed to stands for its item's due date: it is the promise made.
            if (d.CommittedOn is { } committed)
            {
                if (committed > needed)
                {
                    reasons.Add($"{producer.Organisation} committed to {Prose.Date(committed)}, after {consumer.Title} is due on {Prose.Date(needed)}");
                    since.Add(DateOnly.FromDateTime(d.AnsweredAtUtc ?? d.RequestedAtUtc));
                }
            }
            else if (producer.DueOn is { } due && due > needed)
            {
                reasons.Add($"{producer.Title} is due on {Prose.Date(due)}, after {consumer.Title} is due on {Prose.Date(needed)}");
                since.Add(DateOnly.FromDateTime(d.RequestedAtUtc));
            }
        }
        if (producer.Status == WorkItemStatus.Blocked)
        {
            reasons.Add($"{producer.Title} is blocked");
            since.Add(DateOnly.FromDateTime(producer.StatusSinceUtc));
        }
        if (consumer.DueOn is { } dueOn && dueOn <= today)
        {
            reasons.Add($"{producer.Title} is not done, and {consumer.Title} was due on {Prose.Date(dueOn)}");
            since.Add(dueOn);
        }
        return new DependencyRow(d, consumer, producer, reasons, since.Count == 0 ? null : since.Min());
    }
}
