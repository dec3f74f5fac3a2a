using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Concordat.Core.WorkProgramme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Raid;

/// <summary>The four kinds of entry in a RAID log, in the order the log shows them.</summary>
public enum RaidKind
{
    Risk,
    Assumption,
    Issue,
    Decision,
}

public enum RaidStatus
{
    Open,
    Closed,
}

/// <summary>How the owner responds to a risk.</summary>
public enum RiskResponse
{
    Avoid,
    Reduce,
    TransferOrShare,
    Accept,
}

/// <summary>The bands of the NHS 5×5 risk matrix.</summary>
public enum RiskBand
{
    Low,
    Moderate,
    High,
    Extreme,
}

public static class RaidWords
{
    public static string InWords(this RaidKind kind) => kind switch
    {
        RaidKind.Risk => "Risk",
        RaidKind.Assumption => "Assumption",
        RaidKind.Issue => "Issue",
        RaidKind.Decision => "Decision",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind as a heading or a page section names many of them.</summary>
    public static string Plural(this RaidKind kind) => kind switch
    {
        RaidKind.Risk => "Risks",
        RaidKind.Assumption => "Assumptions",
        RaidKind.Issue => "Issues",
        RaidKind.Decision => "Decisions",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind in an address: /raid/risks.csv.</summary>
    public static string Slug(this RaidKind kind) => kind.Plural().ToLowerInvariant();

    public static string InWords(this RaidStatus status) => status switch
    {
        RaidStatus.Open => "Open",
        RaidStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string InWords(this RiskResponse response) => response switch
    {
        RiskResponse.Avoid => "Avoid",
        RiskResponse.Reduce => "Reduce",
        RiskResponse.TransferOrShare => "Transfer or share",
        RiskResponse.Accept => "Accept",
        _ => throw new ArgumentOutOfRangeException(nameof(response), response, null),
    };

    public static string InWords(this RiskBand band) => band switch
    {
        RiskBand.Low => "Low",
        RiskBand.Moderate => "Moderate",
        RiskBand.High => "High",
        RiskBand.Extreme => "Extreme",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };
}

/// <summary>
/// The NHS 5×5 risk matrix: likelihood and impact each scored 1 to 5, their product the risk score (1 to 25), and the
/// score's band. Products of 7, 11, 13 and 14 cannot occur, which is why the bands read 1–3, 4–6, 8–12 and 15–25.
/// </summary>
public static class RiskMatrix
{
    public const int Min = 1;
    public const int Max = 5;

    /// <summary>The lowest score of the extreme band, the one the health check asks to be mitigated and reviewed.</summary>
    public const int Extreme = 15;

    public static int Score(int likelihood, int impact) => likelihood * impact;

    public static RiskBand Band(int score) => score switch
    {
        <= 3 => RiskBand.Low,
        <= 6 => RiskBand.Moderate,
        <= 12 => RiskBand.High,
        _ => RiskBand.Extreme,
    };

    /// <summary>The lowest and highest score of a band, as <see cref="Band"/> draws them.</summary>
    public static (int Lowest, int Highest) Scores(RiskBand band) => band switch
    {
        RiskBand.Low => (1, 3),
        RiskBand.Moderate => (4, 6),
        RiskBand.High => (7, 12),
        RiskBand.Extreme => (13, 25),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    public static string Likelihood(int value) => value switch
    {
        1 => "Rare",
        2 => "Unlikely",
        3 => "Possible",
        4 => "Likely",
        5 => "Almost certain",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string Impact(int value) => value switch
    {
        1 => "Negligible",
        2 => "Minor",
        3 => "Moderate",
        4 => "Major",
        5 => "Catastrophic",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}

/// <summary>
/// One entry of the work programme's RAID log. The four kinds share one row because they share an owner, a status and
/// links to the programme; the fields of other kinds stay empty. <see cref="Text"/> is what the entry is: a risk's
/// event, an assumption's statement, an issue's description, or what a decision decided.
/// </summary>
public sealed class RaidEntry : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 1000;
    public const int LongTextMaxLength = 4000;
    public const int AuthorityMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public RaidKind Kind { get; init; }
    public required string Text { get; set; }
    public RaidStatus Status { get; set; }

    /// <summary>The organisation that answers for a risk, assumption or issue; a decision belongs to its forum instead.</summary>
    public Guid? OwnerOrganisationId { get; set; }

    // A risk: cause, event (the text), effect; scored before and after mitigation on the 5×5 matrix.
    public string? Cause { get; set; }
    public string? Effect { get; set; }
    public int? Likelihood { get; set; }
    public int? Impact { get; set; }
    public RiskResponse? Response { get; set; }
    public string? Mitigation { get; set; }
    public int? ResidualLikelihood { get; set; }
    public int? ResidualImpact { get; set; }
    public DateOnly? ReviewOn { get; set; }

    /// <summary>The forum a risk is escalated to, or the forum that took a decision.</summary>
    public Guid? ForumId { get; set; }

    // An assumption: how and when it is checked.
    public string? CheckHow { get; set; }
    public DateOnly? CheckOn { get; set; }

    // An issue: what it does to the work, and how it was (or will be) resolved.
    public string? IssueImpact { get; set; }
    public string? Resolution { get; set; }

    // A decision: under what authority, and on which date.
    public string? Authority { get; set; }
    public DateOnly? DecidedOn { get; set; }

    public DateTime CreatedAtUtc { get; init; }
    public List<RaidEntryGoal> Goals { get; init; } = [];
    public List<RaidEntryWorkstream> Workstreams { get; init; } = [];
    public List<RaidEntryWorkItem> WorkItems { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public int? InherentScore => Likelihood is { } l && Impact is { } i ? RiskMatrix.Score(l, i) : null;
    public int? ResidualScore => ResidualLikelihood is { } l && ResidualImpact is { } i ? RiskMatrix.Score(l, i) : null;

    /// <summary>A risk's review, or an assumption's check, falls before today while the entry is open.</summary>
    public bool IsOverdue(DateOnly today) => Status == RaidStatus.Open && (Kind == RaidKind.Risk ? ReviewOn : Kind == RaidKind.Assumption ? CheckOn : null) < today;

    /// <summary>What the audit trail records of an entry: only the fields of its kind.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> names)
    {
        string? Name(Guid? id) => id is { } known ? names.GetValueOrDefault(known, "?") : null;
        string Names<T>(IEnumerable<T> links, Func<T, Guid> id) => string.Join("; ", links.Select(l => names.GetValueOrDefault(id(l), "?")).Order(StringComparer.Ordinal));
        var snapshot = new SortedDictionary<string, string?>
        {
            ["Kind"] = Kind.InWords(),
            ["Text"] = Text,
            ["Status"] = Status.InWords(),
            ["Owner"] = Name(OwnerOrganisationId),
            ["Goals"] = Names(Goals, g => g.GoalId),
            ["Workstreams"] = Names(Workstreams, w => w.WorkstreamId),
            ["Work items"] = Names(WorkItems, w => w.WorkItemId),
        };
        switch (Kind)
        {
            case RaidKind.Risk:
                snapshot["Cause"] = Cause;
                snapshot["Effect"] = Effect;
                snapshot["Inherent"] = InherentScore is { } inherent ? $"{Likelihood} × {Impact} = {inherent}" : null;
                snapshot["Response"] = Response?.InWords();
                snapshot["Mitigation"] = Mitigation;
                snapshot["Residual"] = ResidualScore is { } residual ? $"{ResidualLikelihood} × {ResidualImpact} = {residual}" : null;
                snapshot["Review"] = ReviewOn is { } review ? Prose.Date(review) : null;
                snapshot["Escalated to"] = Name(ForumId);
                break;
            case RaidKind.Assumption:
                snapshot["Checked how"] = CheckHow;
                snapshot["Checked on"] = CheckOn is { } check ? Prose.Date(check) : null;
                break;
            case RaidKind.Issue:
                snapshot["Impact"] = IssueImpact;
                snapshot["Resolution"] = Resolution;
                break;
            case RaidKind.Decision:
                snapshot["Forum"] = Name(ForumId);
                snapshot["Authority"] = Authority;
                snapshot["Decided on"] = DecidedOn is { } on ? Prose.Date(on) : null;
                break;
        }
        return snapshot;
    }
}

public sealed class RaidEntryGoal : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid RaidEntryId { get; init; }
    public Guid GoalId { get; init; }
}

public sealed class RaidEntryWorkstream : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid RaidEntryId { get; init; }
    public Guid WorkstreamId { get; init; }
}

public sealed class RaidEntryWorkItem : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid RaidEntryId { get; init; }
    public Guid WorkItemId { get; init; }
}

internal sealed class RaidEntryConfiguration : IEntityTypeConfiguration<RaidEntry>
{
    public void Configure(EntityTypeBuilder<RaidEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Response).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Text).HasMaxLength(RaidEntry.TextMaxLength);
        builder.Property(e => e.Cause).HasMaxLength(RaidEntry.TextMaxLength);
        builder.Property(e => e.Effect).HasMaxLength(RaidEntry.TextMaxLength);
        builder.Property(e => e.Mitigation).HasMaxLength(RaidEntry.LongTextMaxLength);
        builder.Property(e => e.CheckHow).HasMaxLength(RaidEntry.TextMaxLength);
        builder.Property(e => e.IssueImpact).HasMaxLength(RaidEntry.TextMaxLength);
        builder.Property(e => e.Resolution).HasMaxLength(RaidEntry.LongTextMaxLength);
        builder.Property(e => e.Authority).HasMaxLength(RaidEntry.AuthorityMaxLength);
        builder.Ignore(e => e.InherentScore);
        builder.Ignore(e => e.ResidualScore);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(e => e.SystemId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GovernanceForum>().WithMany().HasForeignKey(e => e.ForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Goals).WithOne().HasForeignKey(l => l.RaidEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Workstreams).WithOne().HasForeignKey(l => l.RaidEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.WorkItems).WithOne().HasForeignKey(l => l.RaidEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SystemId, e.Kind, e.Status });
        builder.HasIndex(e => new { e.SystemId, e.OwnerOrganisationId });
    }
}

internal sealed class RaidEntryGoalConfiguration : IEntityTypeConfiguration<RaidEntryGoal>
{
    public void Configure(EntityTypeBuilder<RaidEntryGoal> builder)
    {
        builder.HasKey(l => new { l.RaidEntryId, l.GoalId });
        builder.HasOne<Goal>().WithMany().HasForeignKey(l => l.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.SystemId);
    }
}

internal sealed class RaidEntryWorkstreamConfiguration : IEntityTypeConfiguration<RaidEntryWorkstream>
{
    public void Configure(EntityTypeBuilder<RaidEntryWorkstream> builder)
    {
        builder.HasKey(l => new { l.RaidEntryId, l.WorkstreamId });
        builder.HasOne<Workstream>().WithMany().HasForeignKey(l => l.WorkstreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.SystemId);
    }
}

internal sealed class RaidEntryWorkItemConfiguration : IEntityTypeConfiguration<RaidEntryWorkItem>
{
    public void Configure(EntityTypeBuilder<RaidEntryWorkItem> builder)
    {
        builder.HasKey(l => new { l.RaidEntryId, l.WorkItemId });
        builder.HasOne<WorkItem>().WithMany().HasForeignKey(l => l.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.SystemId);
    }
}
