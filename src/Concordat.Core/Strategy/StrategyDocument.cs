using System.Globalization;
using System.Text;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;
using Concordat.Core.Measures;
using Concordat.Core.Resources;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;
using Concordat.Spc;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Strategy;

public sealed record DocumentChangeIdea(string Title, string? WhoseBehaviour, string? WhatDifferently, IReadOnlyList<string> Lacking, string Functions,
    string Levers, IReadOnlyList<string> CarriedBy)
{
    /// <summary>"Whose behaviour: GP practice recall teams, who must recall everyone with a raised reading." as one sentence.</summary>
    public string BehaviourInWords() => Prose.Sentence("Whose behaviour: " + (WhoseBehaviour is null ? "not named" : WhoseBehaviour.Trim().TrimEnd('.'))
        + (WhatDifferently is null ? "" : ", who must " + Prose.Clause(WhatDifferently)));
}

/// <summary>
/// A primary driver under one goal. A priority serving several goals appears under each: <see cref="AlsoServes"/> names the
/// others, and <see cref="EnteredUnder"/> the goal whose section describes its change ideas, when that is another goal's.
/// </summary>
public sealed record DocumentDriver(string Title, IReadOnlyList<DocumentSecondary> Secondary, IReadOnlyList<string>? AlsoServes = null, string? EnteredUnder = null)
{
    /// <summary>"Shared with Healthy hearts; its change ideas are described under Healthy hearts.", or null for a driver of this goal alone.</summary>
    public string? SharingInWords() => (AlsoServes ?? []).Count == 0
        ? null
        : $"A priority shared with {Prose.List(AlsoServes!)}" + (EnteredUnder is null ? "." : $"; its change ideas are described under {EnteredUnder}.");
}

/// <summary>An ambition of the strategy, in the order the convenors set.</summary>
public sealed record DocumentAmbition(Guid Id, string Title, string? Description);

/// <summary>A part of the strategy: an ambition with its goals, or (with no ambition) the goals under none.</summary>
public sealed record DocumentSection(DocumentAmbition? Ambition, string Heading, IReadOnlyList<DocumentGoal> Goals);

public sealed record DocumentSecondary(string Title, IReadOnlyList<string> ChangeIdeas);

public sealed record DocumentContribution(Guid Id, string Organisation, string Commitment, string Status, IReadOnlyList<string> Resources);

/// <summary>
/// A measure as the document shows it. <see cref="Reading"/> names the variation icon and, when
/// <see cref="IsProvisional"/> (fewer points than reliable limits need), says so; versions published before that was
/// recorded read as not provisional.
/// </summary>
public sealed record DocumentMeasure(Guid Id, string Name, string? Latest, DateOnly? LatestPeriod, string? VariationIcon, string? AssuranceIcon, string? Reading,
    bool IsStale, bool IsProvisional)
{
    /// <summary>The latest period as published ("2019 - 21"); without it, the month <see cref="LatestPeriod"/> starts.</summary>
    public string? LatestPeriodInWords { get; init; }

    /// <summary>"71.1% (March 2019)", or "no data yet".</summary>
    public string LatestInWords() => Latest is null ? "no data yet" : LatestPeriod is { } p ? $"{Latest} ({LatestPeriodInWords ?? Prose.Month(p)})" : Latest;

    /// <summary>What the data says, in sentences: "Special cause concern (low values). Data out of date."</summary>
    public string ReadingInWords() =>
        string.Join(" ", new[] { Reading, IsStale ? "Data out of date" : null }.OfType<string>().Select(Prose.Sentence));
}

public sealed record DocumentGoal(Guid Id, string Title, string Outcome, string Population, string Scope, string Status, string Agreement, string? LeadOrganisation,
    DateOnly Horizon, IReadOnlyList<DocumentDriver> Drivers, IReadOnlyList<DocumentChangeIdea> ChangeIdeas, IReadOnlyList<DocumentContribution> Contributions,
    IReadOnlyList<DocumentMeasure> Measures, int ChecksPassed, int Checks, int ChecksPendingAgreement, Guid? AmbitionId = null)
{
    /// <summary>
    /// False in versions published before the document kept owners, the inequality lens and perspectives, so that a
    /// comparison with one does not report them as changed when they were only not recorded.
    /// </summary>
    public bool RecordsOwnersAndPerspectives { get; init; }

    /// <summary>The inequality lens the goal is seen through, if its drafters named one.</summary>
    public string? InequalityLens { get; init; }

    /// <summary>The governance forum that owns the goal, if one does.</summary>
    public string? OwningForum { get; init; }

    /// <summary>Organisations that own the goal with its lead organisation.</summary>
    public IReadOnlyList<string> JointOwners { get; init; } = [];

    public string? SeniorResponsibleOwner { get; init; }

    /// <summary>Each partner's view of the goal in its own words.</summary>
    public IReadOnlyList<DocumentPerspective> Perspectives { get; init; } = [];

    /// <summary>
    /// "Owned by the Northshire Integrated Care Partnership, jointly with Northshire County Council; led by …" in one
    /// sentence; versions published before ownership was recorded (null lists) read as led by the lead organisation.
    /// </summary>
    public string OwnershipInWords()
    {
        var jointly = JointOwners ?? [];
        var owned = (OwningForum, jointly.Count) switch
        {
            (null, 0) => "",
            (null, _) => $"Owned jointly by {Prose.List([.. LeadOrganisation is null ? [] : new[] { LeadOrganisation }, .. jointly])}; ",
            (_, 0) => $"Owned by {OwningForum}; ",
            _ => $"Owned by {OwningForum} and jointly by {Prose.List(jointly)}; ",
        };
        var led = LeadOrganisation is null
            ? (owned.Length == 0 ? "No owner or lead organisation is named" : "no organisation leads it")
            : (owned.Length == 0 ? "Led by " : "led by ") + LeadOrganisation;
        return Prose.Sentence(owned + led + (SeniorResponsibleOwner is null ? ", with no senior responsible owner named" : $", senior responsible owner {SeniorResponsibleOwner}"));
    }

    /// <summary>The lead organisation, or that there is none (a goal owned by a forum or jointly may have no lead).</summary>
    public string LeadInWords() => LeadOrganisation ?? "No lead organisation";

    /// <summary>The goal's health check in words, pending agreement included (versions published before it was counted read as none pending).</summary>
    public string HealthSummary() => HealthCheck.Summary(ChecksPassed, ChecksPendingAgreement, Checks);

    /// <summary>Where agreement stands, saying the status once: "Agreed", "Draft (not yet proposed)", "Proposed (adoption round open: 3 of 5 responded)".</summary>
    public string AgreementInWords() => AgreementInWords(Status, Agreement);

    public static string AgreementInWords(string status, string agreement) =>
        string.IsNullOrWhiteSpace(agreement) || string.Equals(status, agreement, StringComparison.OrdinalIgnoreCase)
            ? status
            : $"{status} ({Prose.Clause(agreement)})";
}

/// <summary>One partner's perspective on a goal, as it wrote it.</summary>
public sealed record DocumentPerspective(string Organisation, string? WhatItMeans, string? WhatWeNeed, string? WhatWorriesUs);

/// <summary>A document the strategy relates to: its kind in words, title and address.</summary>
public sealed record DocumentLink(string Kind, string Title, string Url);

/// <summary>The strategy's own words: Markdown, sanitised when the convenor saved it.</summary>
public sealed record DocumentNarrative(string? Vision, string? Principles, string? Context, string? EnablingStrategies, IReadOnlyList<DocumentLink> Documents)
{
    /// <summary>Each written section with its heading, in the order the document shows them.</summary>
    public IEnumerable<(string Heading, string Text)> Sections() =>
        new[] { ("Our vision", Vision), ("Our principles", Principles), ("Our population and its needs", Context), ("Enabling strategies", EnablingStrategies) }
            .Where(s => s.Item2 is not null).Select(s => (s.Item1, s.Item2!));
}

public sealed record DocumentResource(string Kind, string Unit, double Available, double Committed, double Idle);

/// <summary>
/// A workstream of the work programme as the strategy shows it: what it is for, who leads it, the goals it serves, how
/// far its items have got, and which of them wait on another partner.
/// </summary>
public sealed record DocumentWorkstream(string Name, string Purpose, string Status, string LeadOrganisation, IReadOnlyList<string> Goals, int Items, int Done,
    int Doing, IReadOnlyList<string> Blocked)
{
    public string ProgressInWords() => Items == 0
        ? "No work items yet."
        : $"{Prose.Count(Items, "work item")}: {Done} done, {Doing} in progress, {Blocked.Count} blocked.";
}

public sealed record DocumentFund(string Name, string FinancialYear, long PaidInPence, long AllocatedInPence)
{
    /// <summary>The fund's name with its financial year, unless the name already says it: "Northshire Better Care Fund 2026/27".</summary>
    public string NameInWords() => Name.Contains(FinancialYear, StringComparison.Ordinal) ? Name : $"{Name} ({FinancialYear})";
}

/// <summary>
/// An ask of a national body the partners have agreed, as the strategy reports it: what is asked, what the system offers
/// in return, where it stands and, once decided, the deal's two sides.
/// </summary>
public sealed record DocumentAsk(Guid Id, string Title, string Category, string NationalBody, string Status, string Request, string? Offer, string Owner,
    IReadOnlyList<string> Goals, string? Granted, string? Conditions, string? ConditionsMet)
{
    /// <summary>In the deal ledger: agreed, in part or in full, whatever has happened since.</summary>
    public bool IsDeal => Granted is not null;
}

/// <summary>The strategy, generated from the live data: what a board paper would say, but never out of date.</summary>
public sealed record StrategyDocument(string SystemName, DateTime GeneratedAtUtc, IReadOnlyList<DocumentGoal> Goals, IReadOnlyList<DocumentResource> Resources,
    IReadOnlyList<DocumentFund> PooledFunds, IReadOnlyList<DocumentAmbition>? Ambitions = null)
{
    /// <summary>The strategy's own words; null in versions published before they were kept, and when none are written.</summary>
    public DocumentNarrative? Narrative { get; init; }

    /// <summary>The work programme's workstreams; null in versions published before the work programme was kept.</summary>
    public IReadOnlyList<DocumentWorkstream>? Workstreams { get; init; }

    /// <summary>The review of the latest closed iteration; null when none has closed, and in versions published before reviews were kept.</summary>
    public DocumentIterationReview? LastReview { get; init; }

    /// <summary>
    /// The highest-scoring open risks of the RAID log; null in versions published before they were kept, which is how a
    /// comparison knows not to report the work programme's review and risks as added when they were only not recorded.
    /// </summary>
    public IReadOnlyList<DocumentRisk>? TopRisks { get; init; }

    /// <summary>How many risks are open in the RAID log, of which <see cref="TopRisks"/> are the highest.</summary>
    public int OpenRisks { get; init; }

    /// <summary>The asks of national bodies the partners have agreed; null in versions published before asks were kept.</summary>
    public IReadOnlyList<DocumentAsk>? Asks { get; init; }

    /// <summary>"The 5 highest-scoring of 12 open risks in the RAID log." (or all of them, when there are few).</summary>
    public string TopRisksInWords() => (TopRisks?.Count ?? 0) switch
    {
        0 => OpenRisks == 0 ? "No risks are open in the RAID log." : $"{Prose.Count(OpenRisks, "risk")} open in the RAID log, none yet scored.",
        var shown when shown == OpenRisks => $"The {Prose.Count(OpenRisks, "open risk")} in the RAID log, highest score first.",
        var shown => $"The {shown} highest-scoring of {Prose.Count(OpenRisks, "open risk")} in the RAID log.",
    };

    /// <summary>
    /// The goals by ambition, in the order the convenors set, then those under no ambition; versions published before
    /// ambitions existed read as one part of shared goals. An ambition with no goals yet still shows, so it is seen to be empty.
    /// </summary>
    public IReadOnlyList<DocumentSection> Sections()
    {
        var ambitions = Ambitions ?? [];
        var known = ambitions.Select(a => a.Id).ToHashSet();
        var sections = ambitions.Select(a => new DocumentSection(a, a.Title, [.. Goals.Where(g => g.AmbitionId == a.Id)])).ToList();
        var rest = Goals.Where(g => g.AmbitionId is not { } id || !known.Contains(id)).ToList();
        if (rest.Count > 0 || sections.Count == 0)
        {
            sections.Add(new DocumentSection(null, sections.Count == 0 ? "Shared goals" : "Other shared goals", rest));
        }
        return sections;
    }

    /// <summary>The same content as Markdown, for papers and repositories; every text in it is escaped (see <see cref="MarkdownText"/>).</summary>
    public string ToMarkdown()
    {
        static string M(string? text) => MarkdownText.Escape(text);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {M(SystemName)}: our shared strategy").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Generated from Concordat on {Prose.Date(GeneratedAtUtc)}. {Prose.Count(Goals.Count, "shared goal")}.").AppendLine();
        if (Narrative is { } narrative)
        {
            // The convenor's sections are Markdown already, sanitised when saved; only their headings are moved under the document's.
            foreach (var (heading, text) in narrative.Sections())
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"## {heading}").AppendLine().AppendLine(MarkdownText.Nested(text)).AppendLine();
            }
            if (narrative.Documents.Count > 0)
            {
                md.AppendLine("## Documents this strategy relates to").AppendLine();
                foreach (var d in narrative.Documents)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- {M(d.Kind)}: [{M(d.Title)}](<{MarkdownAddress(d.Url)}>)");
                }
                md.AppendLine();
            }
        }
        foreach (var section in Sections())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"## {M(section.Heading)}").AppendLine();
            if (section.Ambition?.Description is { } description)
            {
                md.AppendLine(M(description)).AppendLine();
            }
            if (section.Goals.Count == 0)
            {
                md.AppendLine(section.Ambition is null ? "No shared goals yet." : "No shared goals under this ambition yet.").AppendLine();
            }
            foreach (var g in section.Goals)
            {
                AppendGoal(g);
            }
        }
        if (Workstreams is { } workstreams)
        {
            md.AppendLine("## The work programme").AppendLine();
            if (workstreams.Count == 0)
            {
                md.AppendLine("No workstreams yet.").AppendLine();
            }
            foreach (var w in workstreams)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"### {M(w.Name)}").AppendLine();
                md.AppendLine(M(Prose.Sentence(w.Purpose))).AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"- Led by {M(w.LeadOrganisation)} ({M(Prose.Clause(w.Status))})");
                md.AppendLine(CultureInfo.InvariantCulture, $"- Serves: {M(string.Join("; ", w.Goals))}");
                md.AppendLine(CultureInfo.InvariantCulture, $"- {M(w.ProgressInWords())}");
                foreach (var blocked in w.Blocked)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - Blocked: {M(blocked)}");
                }
                md.AppendLine();
            }
        }
        if (TopRisks is { } risks)
        {
            AppendReviewAndRisks(risks);
        }
        if (Asks is { } asks)
        {
            AppendAsks(asks);
        }
        md.AppendLine("## Our collective resources").AppendLine();
        md.AppendLine("| Kind | Available | Committed | Idle |").AppendLine("|---|---:|---:|---:|");
        foreach (var r in Resources)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {M(r.Kind)} ({M(r.Unit)}) | {M(Prose.Amount(r.Available, r.Unit))} | {M(Prose.Amount(r.Committed, r.Unit))} | {M(Prose.Amount(r.Idle, r.Unit))} |");
        }
        foreach (var f in PooledFunds)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{M(f.NameInWords())}: {Prose.Pounds(f.PaidInPence)} paid in by partners, {Prose.Pounds(f.AllocatedInPence)} allocated to schemes.");
        }
        return md.ToString();

        void AppendAsks(IReadOnlyList<DocumentAsk> asks)
        {
            md.AppendLine("## What we need from national partners and what we offer").AppendLine();
            if (asks.Count == 0)
            {
                md.AppendLine("The partners have agreed no asks of national bodies yet.").AppendLine();
                return;
            }
            foreach (var a in asks)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"### {M(a.Title)}").AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"- Asked of {M(a.NationalBody)} ({M(Prose.Clause(a.Category))}), owned by {M(a.Owner)}: {M(Prose.Clause(a.Status))}");
                md.AppendLine(CultureInfo.InvariantCulture, $"- What we ask: {M(a.Request)}");
                md.AppendLine(CultureInfo.InvariantCulture, $"- What we offer in return: {M(a.Offer ?? "nothing said yet")}");
                if (a.Goals.Count > 0)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- Unlocks: {M(string.Join("; ", a.Goals))}");
                }
                md.AppendLine();
            }
            var deals = asks.Where(a => a.IsDeal).ToList();
            md.AppendLine("### The deal").AppendLine();
            if (deals.Count == 0)
            {
                md.AppendLine("No ask has been agreed yet.").AppendLine();
                return;
            }
            md.AppendLine("| Ask | What was granted | What we undertook | Being met |").AppendLine("|---|---|---|---|");
            foreach (var d in deals)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {M(d.Title)} | {M(d.Granted)} | {M(d.Conditions ?? "No conditions")} | {M(d.ConditionsMet ?? "")} |");
            }
            md.AppendLine();
        }

        void AppendReviewAndRisks(IReadOnlyList<DocumentRisk> risks)
        {
            md.AppendLine("### The last iteration's review").AppendLine();
            if (LastReview is not { } review)
            {
                md.AppendLine("No iteration has closed yet.").AppendLine();
            }
            else
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{M(review.HeadingInWords())}**").AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"{M(review.ObjectiveInWords())} {M(review.HeldInWords())} {M(review.SummaryInWords())}").AppendLine();
                if (review.Delivered.Count > 0)
                {
                    md.AppendLine("What was delivered:").AppendLine();
                    foreach (var d in review.Delivered)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"- {M(d.InWords())}");
                    }
                    md.AppendLine();
                }
                if (review.Slipped.Count > 0)
                {
                    md.AppendLine("What slipped:").AppendLine();
                    foreach (var slipped in review.Slipped)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"- {M(slipped.InWords())}");
                    }
                    md.AppendLine();
                }
                if (review.Measures.Count == 0)
                {
                    md.AppendLine("The goals served have no measures.").AppendLine();
                }
                else
                {
                    md.AppendLine("| Measure | At the start | At the end | Moved |").AppendLine("|---|---|---|---|");
                    foreach (var m in review.Measures)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"| {M(m.Name)} | {M(m.AtStart)} | {M(m.AtEnd)} | {m.MovedInWords()} |");
                    }
                    md.AppendLine();
                }
            }
            md.AppendLine("### Top risks").AppendLine();
            md.AppendLine(M(TopRisksInWords())).AppendLine();
            foreach (var r in risks)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{M(Prose.Sentence(r.Event))}** {M(Prose.Sentence(r.ScoreInWords()))} Owner: {M(r.OwnerInWords())}. Mitigation: {M(r.MitigationInWords())}");
            }
            if (risks.Count > 0)
            {
                md.AppendLine();
            }
        }

        void AppendGoal(DocumentGoal g)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {M(g.Title)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**Outcome:** {M(g.Outcome)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"- Population: {M(g.Population)} ({M(g.Scope)})");
            md.AppendLine(CultureInfo.InvariantCulture, $"- Lead: {M(g.LeadInWords())}, by {Prose.Date(g.Horizon)}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- Ownership: {M(g.OwnershipInWords())}");
            if (g.InequalityLens is { } lens)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Inequality lens: {M(lens)}");
            }
            md.AppendLine(CultureInfo.InvariantCulture, $"- Agreement: {M(g.AgreementInWords())}");
            md.AppendLine(CultureInfo.InvariantCulture, $"- Health check: {M(g.HealthSummary())}").AppendLine();
            md.AppendLine("#### Theory of change").AppendLine();
            if (g.Drivers.Count == 0)
            {
                md.AppendLine("No driver diagram yet.").AppendLine();
            }
            foreach (var d in g.Drivers)
            {
                md.AppendLine($"- {M(d.Title)}" + (d.SharingInWords() is { } sharing ? $" ({M(sharing.TrimEnd('.'))})" : ""));
                foreach (var s in d.Secondary)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - {M(s.Title)}");
                    foreach (var idea in s.ChangeIdeas)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"    - Change idea: {M(idea)}");
                    }
                }
            }
            md.AppendLine();
            foreach (var idea in g.ChangeIdeas)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**{M(Prose.Sentence(idea.Title))}** {M(idea.BehaviourInWords())} " +
                    $"Functions: {M(idea.Functions)}. Levers: {M(Prose.Sentence(idea.Levers))}").AppendLine();
                if (idea.Lacking.Count == 0)
                {
                    md.AppendLine("What is lacking: no diagnosis yet.").AppendLine();
                }
                else
                {
                    md.AppendLine("What is lacking:").AppendLine();
                    foreach (var lacking in idea.Lacking)
                    {
                        md.AppendLine(CultureInfo.InvariantCulture, $"- {M(Prose.Sentence(lacking))}");
                    }
                    md.AppendLine();
                }
            }
            if (g.Perspectives is { Count: > 0 } perspectives)
            {
                md.AppendLine("#### Partners' perspectives").AppendLine();
                foreach (var p in perspectives)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"- **{M(p.Organisation)}**");
                    foreach (var (label, text) in new[] { ("What this goal means for us", p.WhatItMeans), ("What we need from partners", p.WhatWeNeed), ("What worries us", p.WhatWorriesUs) })
                    {
                        if (text is not null)
                        {
                            md.AppendLine(CultureInfo.InvariantCulture, $"  - {label}: {M(text)}");
                        }
                    }
                }
                md.AppendLine();
            }
            md.AppendLine("#### Who contributes what").AppendLine();
            foreach (var c in g.Contributions)
            {
                md.AppendLine($"- **{M(c.Organisation)}** ({M(Prose.Clause(c.Status))}): {M(Prose.Sentence(c.Commitment))}" + (c.Resources.Count == 0 ? "" : $" Resources: {M(string.Join("; ", c.Resources))}."));
            }
            if (g.Contributions.Count == 0)
            {
                md.AppendLine("No contributions yet.");
            }
            md.AppendLine().AppendLine("#### Measures").AppendLine();
            foreach (var m in g.Measures)
            {
                md.AppendLine($"- **{M(m.Name)}**: {M(Prose.Sentence(m.LatestInWords()))} {M(m.ReadingInWords())}".TrimEnd());
            }
            if (g.Measures.Count == 0)
            {
                md.AppendLine("No measures yet.");
            }
            md.AppendLine();
        }
    }

    /// <summary>An address inside Markdown's angle brackets, where spaces and brackets would end or break the link.</summary>
    private static string MarkdownAddress(string url) =>
        url.Replace(" ", "%20", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal);
}

/// <summary>Builds the strategy document from the live data.</summary>
public sealed class StrategyDocumentService(ConcordatDb db, GoalService goals, PooledViews views, PooledFundService funds, HealthCheckService health,
    StrategyNarrativeService narratives, WorkProgramme.WorkItemService items, MeasureService measures, TimeProvider clock)
{
    public async Task<StrategyDocument> BuildAsync(CancellationToken ct)
    {
        var systemName = await db.Systems.Where(s => s.Id == db.Tenant.SystemId).Select(s => s.Name).SingleAsync(ct);
        // The health check has already read each goal's diagram, contributions and measures: the document is built from that reading.
        var reading = await health.ReadAsync(ct);
        var read = reading.Goals.ToDictionary(r => r.Goal.Id);
        var checks = reading.Health.Goals.ToDictionary(g => g.GoalId);
        var resourceNames = reading.Needs.SelectMany(g => g.Resources).DistinctBy(r => r.Key).ToDictionary(r => r.Key, r => (r.Value.Name, r.Value.Unit));
        var committedBy = reading.Needs.SelectMany(g => g.Commitments).ToLookup(c => c.Commitment.ContributionId);
        var perspectives = (await (
                from p in db.Perspectives.AsNoTracking()
                join o in db.Organisations on p.OrganisationId equals o.Id
                select new { p.GoalId, Organisation = o.Name, p.WhatItMeans, p.WhatWeNeed, p.WhatWorriesUs })
            .ToListAsync(ct))
            .Where(p => p.WhatItMeans is not null || p.WhatWeNeed is not null || p.WhatWorriesUs is not null)
            .OrderBy(p => p.Organisation, StringComparer.Ordinal)
            .ToLookup(p => p.GoalId, p => new DocumentPerspective(p.Organisation, p.WhatItMeans, p.WhatWeNeed, p.WhatWorriesUs));
        var list = new List<DocumentGoal>();
        foreach (var summary in (await goals.ListAsync(new GoalFilter(), ct)).Where(g => g.Status != GoalStatus.Retired))
        {
            var goal = read[summary.Id].Goal;
            var (diagram, rows) = (read[goal.Id].Diagram, read[goal.Id].Contributions);
            var documentContributions = new List<DocumentContribution>();
            foreach (var c in rows.Where(c => c.Status != ContributionStatus.Withdrawn))
            {
                var committed = committedBy[c.Id];
                documentContributions.Add(new DocumentContribution(c.Id, c.Organisation, c.Commitment, c.Status.InWords(),
                    [.. committed.Select(k => $"{Prose.Amount(k.Commitment.Quantity, resourceNames[k.Commitment.ResourceId].Unit)} of {resourceNames[k.Commitment.ResourceId].Name}"
                        + (k.Commitment.OverCommitmentReason is null ? "" : " (over-commitment)"))]));
            }
            var ideaTitles = diagram.ChangeIdeas.ToDictionary(i => i.Idea.Id, i => i.Idea.Title);
            // A priority shared between goals shows under each, with its secondary drivers and change ideas named; the ideas
            // themselves are described once, under the goal the priority was entered in.
            var drivers = diagram.Primary.Select(p => new DocumentDriver(p.Driver.Title,
                [.. diagram.Secondary.Where(s => s.ServesPrimaryIds.Contains(p.Driver.Id)).Select(s => new DocumentSecondary(s.Driver.Title,
                    [.. diagram.ChangeIdeas.Where(i => i.SecondaryDriverIds.Contains(s.Driver.Id)).Select(i => ideaTitles[i.Idea.Id])]))],
                p.IsShared ? [.. p.Goals.Where(s => s.Id != goal.Id).Select(s => s.Title)] : null,
                diagram.IsOwn(p.Driver.GoalId) ? null : p.HomeGoal)).ToList();
            var ideas = diagram.ChangeIdeas.Where(i => diagram.IsOwn(i.Idea.GoalId)).Select(i => new DocumentChangeIdea(i.Idea.Title, i.Idea.WhoseBehaviour, i.Idea.WhatDifferently,
                [.. i.Idea.Lacking.Select(c => $"{c.Component}: {Prose.Sentence(c.Sentence)}")],
                Prose.Clause(i.Idea.Functions.InWords()),
                Prose.Clause(i.Idea.Levers.InWords()) + (i.Idea.LeverDetails is null ? "" : $" ({i.Idea.LeverDetails})"),
                [.. i.CarriedBy.Select(c => c.Organisation)])).ToList();
            var goalMeasures = read[goal.Id].Measures.Select(m => new DocumentMeasure(m.Id, m.Name,
                m.LatestValue is { } v ? Prose.Amount(v, m.Unit) : null, m.LatestPeriod, m.Variation?.ToName(), m.Assurance?.ToName(),
                m.Variation is { } icon ? XmrSummary.Describe(icon, m.IsProvisional) : null, m.IsStale, m.IsProvisional) { LatestPeriodInWords = m.LatestPeriodInWords }).ToList();
            var health = checks.GetValueOrDefault(goal.Id);
            list.Add(new DocumentGoal(goal.Id, goal.Title, goal.OutcomeStatement, goal.Population, summary.Scope, goal.Status.InWords(), summary.Agreement,
                summary.LeadOrganisation, goal.Horizon, drivers, ideas, documentContributions, goalMeasures, health?.ChecksPassed ?? 0, health?.Checks ?? 0,
                health?.ChecksPendingAgreement ?? 0, summary.AmbitionId)
            {
                RecordsOwnersAndPerspectives = true, InequalityLens = goal.InequalityLens, OwningForum = summary.Owners.Forum?.Name, JointOwners = [.. summary.Owners.JointOwners.Select(o => o.Name)],
                SeniorResponsibleOwner = goal.SeniorResponsibleOwner, Perspectives = [.. perspectives[goal.Id]],
            });
        }
        var ambitions = await db.Ambitions.AsNoTracking().OrderBy(a => a.Position).ThenBy(a => a.Title)
            .Select(a => new DocumentAmbition(a.Id, a.Title, a.Description)).ToListAsync(ct);
        var resources = (await views.ByKindAsync(new ResourceFilter(), ct))
            .Select(k => new DocumentResource(k.Kind.InWords(), k.Unit, k.Available, k.Committed, k.Idle)).ToList();
        var pooled = (await funds.ListAsync(ct)).Select(f => new DocumentFund(f.Fund.Name, f.Fund.FinancialYear, f.PaidInPence, f.AllocatedInPence)).ToList();
        var narrative = await narratives.GetAsync(ct);
        // One query for the workstreams and one for what is blocked, however large the programme.
        var blocked = (await items.ListAsync(new WorkProgramme.WorkItemFilter(Status: WorkProgramme.WorkItemStatus.Blocked), ct)).ToLookup(i => i.WorkstreamId);
        var streams = await db.Workstreams.AsNoTracking().Where(w => w.Status != WorkProgramme.WorkstreamStatus.Closed)
            .OrderBy(w => w.Name).ThenBy(w => w.Id)
            .Select(w => new
            {
                w.Id, w.Name, w.Purpose, w.Status,
                Lead = db.Organisations.Where(o => o.Id == w.LeadOrganisationId).Select(o => o.Name).Single(),
                Goals = w.Goals.Join(db.Goals, l => l.GoalId, g => g.Id, (l, g) => g.Title).ToList(),
                Items = db.WorkItems.Count(i => i.WorkstreamId == w.Id),
                Done = db.WorkItems.Count(i => i.WorkstreamId == w.Id && i.Status == WorkProgramme.WorkItemStatus.Done),
                Doing = db.WorkItems.Count(i => i.WorkstreamId == w.Id && i.Status == WorkProgramme.WorkItemStatus.Doing),
            })
            .ToListAsync(ct);
        var programme = streams.Select(w => new DocumentWorkstream(w.Name, w.Purpose, WorkProgramme.WorkstreamWords.InWords(w.Status), w.Lead,
            [.. w.Goals.Order(StringComparer.Ordinal)], w.Items, w.Done, w.Doing,
            [.. blocked[w.Id].Select(i => $"{i.Title} ({i.OwnerOrganisation}), waiting on {i.BlockedOnOrganisation}")])).ToList();
        return new StrategyDocument(systemName, clock.GetUtcNow().UtcDateTime, list, resources, pooled, ambitions)
        {
            Narrative = narrative.IsEmpty ? null : new DocumentNarrative(narrative.Vision, narrative.Principles, narrative.Context, narrative.EnablingStrategies,
                [.. narrative.Documents.Select(d => new DocumentLink(d.Kind.InWords(), d.Title, d.Url))]),
            Workstreams = programme,
            LastReview = reading.LastClosedIteration is { } last ? await ReviewAsync(last, ct) : null,
            TopRisks = DocumentRisk.Top(reading.OpenRisks),
            OpenRisks = reading.OpenRisks.Count,
            Asks = await AsksAsync(ct),
        };
    }

    /// <summary>The asks the partners agreed (drafts are still the owner's), by title: two queries however many.</summary>
    private async Task<IReadOnlyList<DocumentAsk>> AsksAsync(CancellationToken ct)
    {
        var asks = await db.Asks.AsNoTracking().Where(a => a.Status != Asks.AskStatus.Draft).OrderBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Title, a.Category, a.Status, a.Request, a.Offer, a.Granted, a.Conditions, a.ConditionStatus,
                Body = db.NationalBodies.Where(b => b.Id == a.NationalBodyId).Select(b => b.Name).Single(),
                Owner = db.Organisations.Where(o => o.Id == a.OwnerOrganisationId).Select(o => o.Name).Single(),
            })
            .ToListAsync(ct);
        var goalTitles = (await db.Set<Asks.AskGoal>().AsNoTracking().Join(db.Goals, l => l.GoalId, g => g.Id, (l, g) => new { l.AskId, g.Title }).ToListAsync(ct))
            .ToLookup(l => l.AskId, l => l.Title);
        return [.. asks.Select(a => new DocumentAsk(a.Id, a.Title, Asks.AskWords.InWords(a.Category), a.Body, Asks.AskWords.InWords(a.Status), a.Request, a.Offer, a.Owner,
            [.. goalTitles[a.Id].Order(StringComparer.Ordinal)], a.Granted, a.Conditions,
            a.Granted is null || a.Conditions is null ? null : Asks.AskWords.InWords(a.ConditionStatus)))];
    }

    /// <summary>
    /// A closed iteration's review as its page shows it, from the snapshot kept at closing: four queries however many items
    /// and measures (the items with why they slipped, then the measures of the goals served, read at the start and the end together).
    /// </summary>
    private async Task<DocumentIterationReview> ReviewAsync(WorkProgramme.Iterations.Iteration iteration, CancellationToken ct)
    {
        var kept = (await db.IterationSnapshotItems.AsNoTracking().Where(s => s.IterationId == iteration.Id)
            .Select(s => new
            {
                s.WorkItemId, s.Title, s.OwnerOrganisation, s.Status, s.BlockedReason, s.Outcome,
                Why = db.IterationSlipNotes.Where(n => n.IterationId == s.IterationId && n.WorkItemId == s.WorkItemId).Select(n => n.Note).FirstOrDefault(),
            })
            .ToListAsync(ct))
            .OrderBy(s => s.Status).ThenBy(s => s.Title, StringComparer.Ordinal).ThenBy(s => s.WorkItemId).ToList();
        var done = kept.Where(s => s.Status == WorkProgramme.WorkItemStatus.Done).ToList();
        var delivered = done.GroupBy(s => s.OwnerOrganisation).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DocumentDelivered(g.Key, g.Count(), [.. g.Select(s => s.Title)])).ToList();
        var slipped = kept.Where(s => s.Status != WorkProgramme.WorkItemStatus.Done)
            .Select(s => new DocumentSlipped(s.Title, s.OwnerOrganisation, WorkProgramme.WorkItemWords.InWords(s.Status), s.BlockedReason,
                WorkProgramme.Iterations.IterationWords.InWords(s.Outcome), s.Why)).ToList();
        var served = db.WorkstreamGoals.Where(w => db.IterationSnapshotItems.Any(s => s.IterationId == iteration.Id && s.WorkstreamId == w.WorkstreamId))
            .Join(db.GoalMeasures, w => w.GoalId, g => g.GoalId, (_, g) => g.MeasureId);
        var readings = await measures.ReadingsOnAsync(served, [iteration.StartsOn, iteration.EndsOn], ct);
        var movements = readings.Values.Select(r => DocumentMeasureMovement.From(r[0], r[1]))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        return new DocumentIterationReview(iteration.Name, iteration.StartsOn, iteration.EndsOn, iteration.Objective, iteration.ReviewHeldOn, delivered, slipped, movements);
    }
}
