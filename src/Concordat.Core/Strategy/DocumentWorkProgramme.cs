using Concordat.Core.HealthChecks;
using Concordat.Core.Measures;
using Concordat.Core.Raid;
using Concordat.Core.Words;
using Concordat.Spc;

namespace Concordat.Core.Strategy;

/// <summary>
/// The review of the latest closed iteration as the strategy shows it: what the partners set out to do, what each delivered,
/// what slipped and why, and how the measures of the goals served read at the iteration's start and at its end.
/// </summary>
public sealed record DocumentIterationReview(string Name, DateOnly StartsOn, DateOnly EndsOn, string? Objective, DateOnly? HeldOn,
    IReadOnlyList<DocumentDelivered> Delivered, IReadOnlyList<DocumentSlipped> Slipped, IReadOnlyList<DocumentMeasureMovement> Measures)
{
    public string HeadingInWords() => $"{Name}, {Prose.Dates(StartsOn, EndsOn)}";

    public string ObjectiveInWords() => Objective is null ? "No objective was recorded." : $"Objective: {Prose.Sentence(Objective)}";

    public string HeldInWords() => HeldOn is { } held ? $"Reviewed by the partners on {Prose.Date(held)}." : "The partners have not yet recorded holding the review.";

    /// <summary>"3 items delivered by 2 organisations; 1 slipped." in one sentence.</summary>
    public string SummaryInWords()
    {
        var done = Delivered.Sum(d => d.Count);
        return done == 0
            ? $"No items were delivered; {Prose.Count(Slipped.Count, "item")} slipped."
            : $"{Prose.Count(done, "item")} delivered by {Prose.Count(Delivered.Count, "organisation")}; {Slipped.Count} slipped.";
    }
}

/// <summary>What one organisation delivered in the iteration: how many items, and their titles.</summary>
public sealed record DocumentDelivered(string Organisation, int Count, IReadOnlyList<string> Titles)
{
    /// <summary>An organisation that delivered more than this is shown by its count alone, so the strategy stays a summary.</summary>
    public const int TitlesShown = 5;

    /// <summary>"Westford Council: 2 items (Home adaptations fast track; Hall booking)", or the count alone for a long list.</summary>
    public string InWords() => Count <= TitlesShown && Titles.Count == Count
        ? $"{Organisation}: {Prose.Count(Count, "item")} ({string.Join("; ", Titles)})"
        : $"{Organisation}: {Prose.Count(Count, "item")}";
}

/// <summary>An item that was not done by the iteration's end, with what became of it and, when someone said, why.</summary>
public sealed record DocumentSlipped(string Title, string Organisation, string Status, string? BlockedReason, string? Outcome, string? Why)
{
    public string InWords() =>
        $"{Title} ({Organisation}): {Prose.Clause(Status)}{(BlockedReason is null ? "" : $", {Prose.Clause(BlockedReason)}")}"
        + (Outcome is null ? "" : $"; {Prose.Clause(Outcome)}")
        + $". Why it slipped: {(Why is null ? "not recorded." : Prose.Sentence(Why))}";
}

/// <summary>A measure's Making Data Count reading at the iteration's start and at its end, in words.</summary>
public sealed record DocumentMeasureMovement(Guid Id, string Name, string AtStart, string AtEnd, bool Moved)
{
    public static DocumentMeasureMovement From(MeasureSummary atStart, MeasureSummary atEnd) => new(atEnd.Id, atEnd.Name, Reading(atStart), Reading(atEnd),
        atStart.Variation != atEnd.Variation || atStart.Assurance != atEnd.Assurance || atStart.Points != atEnd.Points);

    /// <summary>"80% (January 2026); common cause variation; 13 periods", or "no data yet".</summary>
    public static string Reading(MeasureSummary m)
    {
        if (m.Points == 0 || m.LatestValue is not { } latest)
        {
            return "no data yet";
        }
        var period = m.LatestPeriodInWords ?? (m.LatestPeriod is { } p ? Prose.Month(p) : null);
        return string.Join("; ", new[]
        {
            period is null ? Prose.Amount(latest, m.Unit) : $"{Prose.Amount(latest, m.Unit)} ({period})",
            m.Variation is { } v ? XmrSummary.Describe(v, m.IsProvisional) : null,
            m.Assurance is { } a ? XmrSummary.Describe(a) : null,
            Prose.Count(m.Points, "period"),
        }.OfType<string>());
    }

    public string MovedInWords() => Moved ? "Moved" : "Did not move";
}

/// <summary>
/// An open risk of the RAID log as the strategy shows it: its score after mitigation where one was given (otherwise before),
/// its band on the NHS 5×5 matrix, who owns it and how it is mitigated.
/// </summary>
public sealed record DocumentRisk(Guid Id, string Event, string? Owner, int Score, string Band, bool IsResidual, int? InherentScore, string? Response,
    string? Mitigation)
{
    /// <summary>How many of the highest-scoring open risks the strategy shows.</summary>
    public const int Shown = 5;

    /// <summary>"Residual score 12 (high); inherent 20 (extreme)" or "Inherent score 16 (extreme); no residual score yet".</summary>
    public string ScoreInWords() => IsResidual
        ? $"Residual score {Score} ({Prose.Clause(Band)})" + (InherentScore is { } inherent ? $"; inherent {inherent} ({Prose.Clause(RiskMatrix.Band(inherent).InWords())})" : "")
        : $"Inherent score {Score} ({Prose.Clause(Band)}); no residual score yet";

    public string OwnerInWords() => Owner ?? "No owner named";

    public string MitigationInWords() => (Response, Mitigation) switch
    {
        (null, null) => "No mitigation recorded.",
        (_, null) => $"{Response}; no mitigation recorded.",
        (null, _) => Prose.Sentence(Mitigation!),
        _ => $"{Response}: {Prose.Sentence(Prose.Clause(Mitigation!))}",
    };

    /// <summary>
    /// The open risks with the highest scores, residual where given and inherent otherwise, ties going to the higher inherent
    /// score; risks not yet scored are not among them.
    /// </summary>
    public static IReadOnlyList<DocumentRisk> Top(IEnumerable<OpenRisk> risks) =>
    [
        .. risks.Where(r => (r.Entry.ResidualScore ?? r.Entry.InherentScore) is not null)
            .OrderByDescending(r => r.Entry.ResidualScore ?? r.Entry.InherentScore)
            .ThenByDescending(r => r.Entry.InherentScore ?? 0)
            .ThenBy(r => r.Entry.Text, StringComparer.Ordinal)
            .ThenBy(r => r.Entry.Id)
            .Take(Shown)
            .Select(r =>
            {
                var score = (r.Entry.ResidualScore ?? r.Entry.InherentScore)!.Value;
                return new DocumentRisk(r.Entry.Id, r.Entry.Text, r.Owner, score, RiskMatrix.Band(score).InWords(), r.Entry.ResidualScore is not null,
                    r.Entry.InherentScore, r.Entry.Response?.InWords(), r.Entry.Mitigation);
            }),
    ];
}
