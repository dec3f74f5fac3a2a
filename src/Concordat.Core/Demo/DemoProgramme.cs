using Concordat.Core.Access;
using Concordat.Core.WorkProgramme;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo's work programme as just made, for the classes that bring it to life: its items by title and its
/// workstreams by name (without the suffix a second round of the demo gives them), and who acts for each partner.
/// </summary>
public sealed record DemoProgramme(DemoWorkProgramme.Context Context, IReadOnlyDictionary<string, WorkItem> Items, IReadOnlyDictionary<string, Guid> Workstreams)
{
    public const string Frailty = "Frailty: care at home";
    public const string UrgentCare = "Urgent and emergency care flow";
    public const string Hypertension = "Finding high blood pressure";

    public DateOnly Today => Context.Today;
    public Actor Convenor => Context.Convenor;

    /// <summary>The organisation whose name starts with <paramref name="prefix"/>.</summary>
    public Guid Org(string prefix) => Context.Organisations.Single(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;

    /// <summary>The organisation's lead, or the convenor where the demo has no one in it: the programme office acts for it.</summary>
    public Actor For(Guid organisation) => Context.Leads.TryGetValue(organisation, out var lead) ? lead : Context.Convenor;

    public Actor LeadOf(string prefix) => For(Org(prefix));

    public WorkItem Item(string title) =>
        Items.TryGetValue(title, out var item) ? item : throw new InvalidOperationException($"The demo has no work item called \"{title}\".");

    /// <summary>Who acts for the item's owner organisation.</summary>
    public Actor OwnerOf(string title) => For(Item(title).OwnerOrganisationId);
}
