using System.Globalization;
using Concordat.Core.Resources;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;
using Concordat.Spc;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Concordat.Core.Strategy;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

public enum WordChange
{
    Same,
    Removed,
    Added,
}

/// <summary>The words people read for what happened to an item between two versions.</summary>
public static class ChangeWords
{
    public static string InWords(this ChangeKind change) => change switch
    {
        ChangeKind.Added => "Added",
        ChangeKind.Removed => "Removed",
        ChangeKind.Changed => "Changed",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    public static string InWords(this WordChange change) => change switch
    {
        WordChange.Same => "Unchanged",
        WordChange.Removed => "Removed",
        WordChange.Added => "Added",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };
}

public sealed record Words(WordChange Change, string Text);

/// <summary>One field that differs; <see cref="Words"/> holds a word-level difference for prose fields.</summary>
public sealed record FieldDifference(string Field, string? Before, string? After, IReadOnlyList<Words>? Words = null);

/// <summary>A driver, change idea, contribution, measure, resource or pooled fund that was added, removed or changed.</summary>
public sealed record ItemChange(string Name, ChangeKind Change, IReadOnlyList<FieldDifference> Fields);

public sealed record GoalChange(Guid Id, string Title, ChangeKind Change, IReadOnlyList<FieldDifference> Fields, IReadOnlyList<ItemChange> Drivers,
    IReadOnlyList<ItemChange> ChangeIdeas, IReadOnlyList<ItemChange> Contributions, IReadOnlyList<ItemChange> Measures);

/// <summary>
/// What changed between two versions of the strategy (or a version and today): the "what changed since the last
/// board" view. Only differences are listed; an empty comparison means the two say the same.
/// </summary>
public sealed record StrategyComparison(string From, string To, IReadOnlyList<GoalChange> Goals, IReadOnlyList<ItemChange> Resources,
    IReadOnlyList<ItemChange> PooledFunds)
{
    /// <summary>The strategy's own words that differ: each section word by word, and the documents it relates to.</summary>
    public IReadOnlyList<FieldDifference> Narrative { get; init; } = [];

    /// <summary>Workstreams added, removed or changed: their status, lead, goals, items' progress and what is blocked.</summary>
    public IReadOnlyList<ItemChange> Workstreams { get; init; } = [];

    /// <summary>The last iteration's review: another iteration reviewed, or the same one's figures changed.</summary>
    public IReadOnlyList<FieldDifference> LastReview { get; init; } = [];

    /// <summary>Risks that entered or left the top risks, or were re-scored, re-owned or mitigated differently.</summary>
    public IReadOnlyList<ItemChange> Risks { get; init; } = [];

    /// <summary>The asks of national bodies added, removed or changed (their status, words or deal).</summary>
    public IReadOnlyList<ItemChange> Asks { get; init; } = [];

    public bool WorkProgrammeChanged => Workstreams.Count > 0 || LastReview.Count > 0 || Risks.Count > 0;

    public bool HasChanges => Narrative.Count > 0 || Goals.Count > 0 || WorkProgrammeChanged || Asks.Count > 0 || Resources.Count > 0 || PooledFunds.Count > 0;

    /// <summary>
    /// The same comparison as Markdown, for a board paper: removed words ~~struck through~~, added words in **bold**; every text
    /// in it is escaped (see <see cref="MarkdownText"/>).
    /// </summary>
    public string ToMarkdown()
    {
        var md = new System.Text.StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# What changed in the strategy: {M(From)} compared with {M(To)}").AppendLine();
        if (!HasChanges)
        {
            return md.AppendLine("Nothing has changed: the two say the same.").ToString();
        }
        if (Narrative.Count > 0)
        {
            md.AppendLine("## The strategy's own words").AppendLine();
            AppendFields(md, Narrative, "");
        }
        md.AppendLine("## Shared goals").AppendLine();
        if (Goals.Count == 0)
        {
            md.AppendLine("No goal has changed.").AppendLine();
        }
        foreach (var g in Goals)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {g.Change.InWords()}: {M(g.Title)}").AppendLine();
            AppendFields(md, g.Fields, "");
            foreach (var (heading, items) in new[] { ("Drivers", g.Drivers), ("Change ideas", g.ChangeIdeas), ("Who contributes what", g.Contributions), ("Measures", g.Measures) })
            {
                AppendItems(md, heading, items);
            }
            md.AppendLine();
        }
        if (WorkProgrammeChanged)
        {
            md.AppendLine("## The work programme").AppendLine();
            AppendItems(md, "Workstreams", Workstreams);
            if (LastReview.Count > 0)
            {
                md.AppendLine("**The last iteration's review**").AppendLine();
                AppendFields(md, LastReview, "");
            }
            AppendItems(md, "Top risks", Risks);
        }
        if (Asks.Count > 0)
        {
            md.AppendLine("## What we need from national partners and what we offer").AppendLine();
            AppendItems(md, "Asks", Asks);
        }
        md.AppendLine("## Collective resources").AppendLine();
        if (Resources.Count == 0 && PooledFunds.Count == 0)
        {
            md.AppendLine("No resource totals or pooled funds have changed.");
        }
        AppendItems(md, "Resources by kind", Resources);
        AppendItems(md, "Pooled funds", PooledFunds);
        return md.ToString();
    }

    private static void AppendItems(System.Text.StringBuilder md, string heading, IReadOnlyList<ItemChange> items)
    {
        if (items.Count == 0)
        {
            return;
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"**{heading}**").AppendLine();
        foreach (var item in items)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {item.Change.InWords()}: {M(item.Name)}");
            AppendFields(md, item.Fields, "  ");
        }
        md.AppendLine();
    }

    private static void AppendFields(System.Text.StringBuilder md, IReadOnlyList<FieldDifference> fields, string indent)
    {
        foreach (var f in fields)
        {
            var text = f.Words is { } words
                ? string.Concat(words.Select(w => w.Change switch
                {
                    WordChange.Removed => Marked("~~", M(w.Text)),
                    WordChange.Added => Marked("**", M(w.Text)),
                    _ => M(w.Text),
                }))
                : $"{(string.IsNullOrEmpty(f.Before) ? "none" : M(f.Before))} → {(string.IsNullOrEmpty(f.After) ? "none" : M(f.After))}";
            md.AppendLine(CultureInfo.InvariantCulture, $"{indent}- {M(f.Field)}: {text}");
        }
        if (fields.Count > 0 && indent.Length == 0)
        {
            md.AppendLine();
        }
    }

    private static string M(string? text) => MarkdownText.Escape(text);

    // Markdown emphasis must hug the words, so the spaces around a changed run stay outside its markers.
    private static string Marked(string marker, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return text;
        }
        var start = text.Length - text.TrimStart().Length;
        return $"{text[..start]}{marker}{trimmed}{marker}{text[(start + trimmed.Length)..]}";
    }

    public static StrategyComparison Between(string fromLabel, StrategyDocument from, string toLabel, StrategyDocument to)
    {
        var before = from.Goals.ToDictionary(g => g.Id);
        var after = to.Goals.Select(g => g.Id).ToHashSet();
        var goals = new List<GoalChange>();
        foreach (var goal in to.Goals)
        {
            if (!before.TryGetValue(goal.Id, out var old))
            {
                goals.Add(new GoalChange(goal.Id, goal.Title, ChangeKind.Added, [], [], [], [], []));
                continue;
            }
            var change = CompareGoal(old, goal);
            if (change.Fields.Count + change.Drivers.Count + change.ChangeIdeas.Count + change.Contributions.Count + change.Measures.Count > 0)
            {
                goals.Add(change);
            }
        }
        goals.AddRange(from.Goals.Where(g => !after.Contains(g.Id)).Select(g => new GoalChange(g.Id, g.Title, ChangeKind.Removed, [], [], [], [], [])));

        var resources = Items(from.Resources, to.Resources, r => $"{r.Kind} ({r.Unit})", (a, b) => Fields(
            ("Available", Amount(a.Available, a.Unit), Amount(b.Available, b.Unit)),
            ("Committed", Amount(a.Committed, a.Unit), Amount(b.Committed, b.Unit)),
            ("Idle", Amount(a.Idle, a.Unit), Amount(b.Idle, b.Unit))));
        var funds = Items(from.PooledFunds, to.PooledFunds, f => f.NameInWords(), (a, b) => Fields(
            ("Paid in", Prose.Pounds(a.PaidInPence), Prose.Pounds(b.PaidInPence)),
            ("Allocated to schemes", Prose.Pounds(a.AllocatedInPence), Prose.Pounds(b.AllocatedInPence))));
        return new StrategyComparison(fromLabel, toLabel, goals, resources, funds)
        {
            Narrative = CompareNarrative(from.Narrative, to.Narrative),
            Workstreams = from.Workstreams is { } streamsBefore && to.Workstreams is { } streamsNow ? CompareWorkstreams(streamsBefore, streamsNow) : [],
            // Versions published before the review and the risks were kept (no top risks recorded) say nothing of them, rather than that they were added.
            LastReview = from.TopRisks is not null && to.TopRisks is not null ? CompareReview(from.LastReview, to.LastReview) : [],
            Risks = from.TopRisks is { } risksBefore && to.TopRisks is { } risksNow ? CompareRisks(risksBefore, risksNow) : [],
            Asks = from.Asks is { } asksBefore && to.Asks is { } asksNow ? CompareAsks(asksBefore, asksNow) : [],
        };
    }

    private static List<ItemChange> CompareWorkstreams(IReadOnlyList<DocumentWorkstream> before, IReadOnlyList<DocumentWorkstream> after) =>
        Items(before, after, w => w.Name, (a, b) =>
        {
            var f = new List<FieldDifference>();
            AddProse(f, "Purpose", a.Purpose, b.Purpose);
            f.AddRange(Fields(
                ("Status", a.Status, b.Status),
                ("Lead organisation", a.LeadOrganisation, b.LeadOrganisation),
                ("Serves", Joined(a.Goals), Joined(b.Goals)),
                ("Progress", a.ProgressInWords(), b.ProgressInWords()),
                ("Blocked", Joined(a.Blocked), Joined(b.Blocked))));
            return f;
        });

    private static List<ItemChange> CompareAsks(IReadOnlyList<DocumentAsk> before, IReadOnlyList<DocumentAsk> after) =>
        Items(before, after, a => a.Title, (a, b) =>
        {
            var f = Fields(("Status", a.Status, b.Status), ("Addressed to", a.NationalBody, b.NationalBody));
            AddProse(f, "What we ask", a.Request, b.Request);
            AddProse(f, "What we offer in return", a.Offer, b.Offer);
            AddProse(f, "What was granted", a.Granted, b.Granted);
            AddProse(f, "What we undertook", a.Conditions, b.Conditions);
            f.AddRange(Fields(("Conditions being met", a.ConditionsMet, b.ConditionsMet)));
            return f;
        }, a => a.Id.ToString());

    private static List<FieldDifference> CompareReview(DocumentIterationReview? a, DocumentIterationReview? b)
    {
        var fields = Fields(("Iteration", a?.HeadingInWords(), b?.HeadingInWords()));
        AddProse(fields, "Objective", a?.Objective, b?.Objective);
        fields.AddRange(Fields(
            ("Review held", a?.HeldOn is { } x ? Prose.Date(x) : null, b?.HeldOn is { } y ? Prose.Date(y) : null),
            ("What was delivered", a is null ? null : Joined(a.Delivered.Select(d => d.InWords())), b is null ? null : Joined(b.Delivered.Select(d => d.InWords()))),
            ("What slipped", a is null ? null : Joined(a.Slipped.Select(s => s.InWords())), b is null ? null : Joined(b.Slipped.Select(s => s.InWords()))),
            ("Measures at the end", a is null ? null : Joined(a.Measures.Select(m => $"{m.Name}: {m.AtEnd}")), b is null ? null : Joined(b.Measures.Select(m => $"{m.Name}: {m.AtEnd}")))));
        return fields;
    }

    private static List<ItemChange> CompareRisks(IReadOnlyList<DocumentRisk> before, IReadOnlyList<DocumentRisk> after) =>
        Items(before, after, r => r.Event, (a, b) =>
        {
            var f = new List<FieldDifference>();
            AddProse(f, "Risk", a.Event, b.Event);
            f.AddRange(Fields(("Score", a.ScoreInWords(), b.ScoreInWords()), ("Owner", a.OwnerInWords(), b.OwnerInWords()), ("Response", a.Response, b.Response)));
            AddProse(f, "Mitigation", a.Mitigation, b.Mitigation);
            return f;
        }, r => r.Id.ToString());

    /// <summary>Versions published before the strategy's own words were kept read as having none.</summary>
    private static List<FieldDifference> CompareNarrative(DocumentNarrative? a, DocumentNarrative? b)
    {
        var fields = new List<FieldDifference>();
        AddProse(fields, "Our vision", a?.Vision, b?.Vision);
        AddProse(fields, "Our principles", a?.Principles, b?.Principles);
        AddProse(fields, "Our population and its needs", a?.Context, b?.Context);
        AddProse(fields, "Enabling strategies", a?.EnablingStrategies, b?.EnablingStrategies);
        static string? Links(DocumentNarrative? n) =>
            n is null || n.Documents.Count == 0 ? null : string.Join("; ", n.Documents.Select(d => $"{d.Kind}: {d.Title} ({d.Url})"));
        fields.AddRange(Fields(("Documents this strategy relates to", Links(a), Links(b))));
        return fields;
    }

    private static GoalChange CompareGoal(DocumentGoal a, DocumentGoal b)
    {
        var fields = new List<FieldDifference>();
        AddProse(fields, "Title", a.Title, b.Title);
        AddProse(fields, "Outcome", a.Outcome, b.Outcome);
        var recorded = a.RecordsOwnersAndPerspectives && b.RecordsOwnersAndPerspectives;
        if (recorded)
        {
            AddProse(fields, "Inequality lens", a.InequalityLens, b.InequalityLens);
        }
        fields.AddRange(Fields(
            ("Population", $"{a.Population} ({a.Scope})", $"{b.Population} ({b.Scope})"),
            ("Lead organisation", a.LeadOrganisation, b.LeadOrganisation),
            ("Owners", recorded ? a.OwnershipInWords() : null, recorded ? b.OwnershipInWords() : null),
            ("Horizon", Prose.Date(a.Horizon), Prose.Date(b.Horizon)),
            ("Agreement", a.AgreementInWords(), b.AgreementInWords()),
            ("Health check", a.HealthSummary(), b.HealthSummary())));
        if (recorded)
        {
            ComparePerspectives(fields, a.Perspectives, b.Perspectives);
        }

        var drivers = Items(a.Drivers, b.Drivers, d => d.Title, (x, y) => Fields(
            ("Secondary drivers", Joined(x.Secondary.Select(s => s.Title)), Joined(y.Secondary.Select(s => s.Title)))));
        // Where a change idea sits is held by the driver tree, so an idea moved between drivers shows as changed.
        static ILookup<string, string> Moves(DocumentGoal g) =>
            g.Drivers.SelectMany(d => d.Secondary).SelectMany(s => s.ChangeIdeas.Select(i => (Idea: i, Driver: s.Title))).Distinct().ToLookup(p => p.Idea, p => p.Driver);
        var (movesBefore, movesAfter) = (Moves(a), Moves(b));
        var ideas = Items(a.ChangeIdeas, b.ChangeIdeas, i => i.Title, (x, y) =>
        {
            var f = new List<FieldDifference>();
            AddProse(f, "Whose behaviour", x.WhoseBehaviour, y.WhoseBehaviour);
            AddProse(f, "What they must do differently", x.WhatDifferently, y.WhatDifferently);
            f.AddRange(Fields(
                ("Secondary drivers it moves", Joined(movesBefore[x.Title]), Joined(movesAfter[y.Title])),
                ("Lacking (COM-B)", string.Join(" ", x.Lacking.Select(Prose.Sentence)), string.Join(" ", y.Lacking.Select(Prose.Sentence))),
                ("Intervention functions", x.Functions, y.Functions),
                ("Policy levers", x.Levers, y.Levers),
                ("Carried by", Joined(x.CarriedBy), Joined(y.CarriedBy))));
            return f;
        });
        // Versions published before contributions carried an id are matched by organisation and commitment.
        var withIds = a.Contributions.Concat(b.Contributions).All(c => c.Id != Guid.Empty);
        var contributions = Items(a.Contributions, b.Contributions, c => c.Organisation, (x, y) =>
        {
            var f = new List<FieldDifference>();
            AddProse(f, "Commitment", x.Commitment, y.Commitment);
            f.AddRange(Fields(("Status", x.Status, y.Status), ("Resources", Joined(x.Resources), Joined(y.Resources))));
            return f;
        }, c => withIds ? c.Id.ToString() : $"{c.Organisation}\n{c.Commitment}");
        var measures = Items(a.Measures, b.Measures, m => m.Name, (x, y) => Fields(
            ("Latest", Position(x), Position(y)),
            ("Variation", x.Reading, y.Reading),
            ("Assurance", Assurance(x.AssuranceIcon), Assurance(y.AssuranceIcon)),
            ("Data", x.IsStale ? "out of date" : "up to date", y.IsStale ? "out of date" : "up to date")), m => m.Id.ToString());
        return new GoalChange(b.Id, b.Title, ChangeKind.Changed, fields, drivers, ideas, contributions, measures);
    }

    /// <summary>Each partner's perspective, field by field and word by word, named by the partner.</summary>
    private static void ComparePerspectives(List<FieldDifference> fields, IReadOnlyList<DocumentPerspective> before, IReadOnlyList<DocumentPerspective> after)
    {
        var old = before.ToDictionary(p => p.Organisation);
        var now = after.ToDictionary(p => p.Organisation);
        foreach (var organisation in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (x, y) = (old.GetValueOrDefault(organisation), now.GetValueOrDefault(organisation));
            AddProse(fields, $"{organisation}: what this goal means for us", x?.WhatItMeans, y?.WhatItMeans);
            AddProse(fields, $"{organisation}: what we need from partners", x?.WhatWeNeed, y?.WhatWeNeed);
            AddProse(fields, $"{organisation}: what worries us", x?.WhatWorriesUs, y?.WhatWorriesUs);
        }
    }

    private static string? Assurance(string? name) =>
        Enum.GetValues<AssuranceIcon>().Where(a => a.ToName() == name).Select(XmrSummary.Describe).FirstOrDefault() ?? name;

    /// <summary>A list's items in a fixed order, so the same items read the same whatever order they were loaded in.</summary>
    private static string Joined(IEnumerable<string> items) => string.Join("; ", items.Order(StringComparer.Ordinal));

    private static string Position(DocumentMeasure m) =>
        m.LatestInWords();

    /// <summary>Matches items by key (their name unless a sturdier key is given) and lists what was added, removed or changed.</summary>
    private static List<ItemChange> Items<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> name,
        Func<T, T, IReadOnlyList<FieldDifference>> compare, Func<T, string>? key = null)
    {
        key ??= name;
        // Items with the same key are told apart by their order, so a second item of the same name is not lost.
        static List<(string Key, T Item)> Keyed(IEnumerable<T> items, Func<T, string> key) =>
            [.. items.GroupBy(key).SelectMany(g => g.Select((item, n) => ($"{g.Key}\n{n}", item)))];
        var old = Keyed(before, key).ToDictionary(k => k.Key, k => k.Item);
        var keyed = Keyed(after, key);
        var keys = keyed.Select(k => k.Key).ToHashSet();
        var changes = new List<ItemChange>();
        foreach (var (k, item) in keyed)
        {
            if (!old.TryGetValue(k, out var was))
            {
                changes.Add(new ItemChange(name(item), ChangeKind.Added, []));
            }
            else if (compare(was, item) is { Count: > 0 } fields)
            {
                changes.Add(new ItemChange(name(item), ChangeKind.Changed, fields));
            }
        }
        changes.AddRange(Keyed(before, key).Where(k => !keys.Contains(k.Key)).Select(k => new ItemChange(name(k.Item), ChangeKind.Removed, [])));
        return changes;
    }

    private static List<FieldDifference> Fields(params (string Field, string? Before, string? After)[] pairs) =>
        [.. pairs.Where(p => !string.Equals(p.Before, p.After, StringComparison.Ordinal)).Select(p => new FieldDifference(p.Field, p.Before, p.After))];

    private static void AddProse(List<FieldDifference> fields, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            fields.Add(new FieldDifference(field, before, after, WordDifference(before ?? "", after ?? "")));
        }
    }

    /// <summary>The difference between two texts word by word, with neighbouring words of the same kind joined.</summary>
    public static IReadOnlyList<Words> WordDifference(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<Words>();
        void Add(WordChange change, IEnumerable<string> text)
        {
            var joined = string.Concat(text);
            if (joined.Length == 0)
            {
                return;
            }
            if (pieces.Count > 0 && pieces[^1].Change == change)
            {
                pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + joined };
            }
            else
            {
                pieces.Add(new Words(change, joined));
            }
        }
        var a = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(WordChange.Same, diff.PiecesOld.Skip(a).Take(block.DeleteStartA - a));
            Add(WordChange.Removed, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(WordChange.Added, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }
        Add(WordChange.Same, diff.PiecesOld.Skip(a));
        return pieces;
    }

    private static string Amount(double amount, string unit) => Prose.Amount(amount, unit);
}
