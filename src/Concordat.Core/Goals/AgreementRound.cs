using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Goals;

public enum ProposalKind
{
    /// <summary>Adopt a draft goal as a shared goal.</summary>
    Adopt,
    /// <summary>Change an agreed goal's wording.</summary>
    Change,
    /// <summary>Retire an agreed goal.</summary>
    Retire,
}

public enum RoundState
{
    Open,
    Agreed,
    NotAgreed,
    Withdrawn,
}

public enum PositionKind
{
    Consent,
    ConsentWithConcerns,
    /// <summary>The word partners use for a position ("object"), kept as the API's value too.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Object is the consent-decision term, not a type name.")]
    Object,
    StandAside,
}

/// <summary>
/// Consent, organisation by organisation, on one proposal about a goal. An objection is answered, not outvoted:
/// the round is agreed only when every required organisation has responded to the current revision and no
/// objection stands.
/// </summary>
public sealed class AgreementRound : ITenantOwned, IVersioned
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public ProposalKind Kind { get; init; }
    public RoundState State { get; set; }
    public Guid OpenedByPersonId { get; init; }
    public required string OpenedByName { get; init; }
    public DateTime OpenedAtUtc { get; init; }

    /// <summary>The last day on which positions can be recorded (UK calendar day, inclusive).</summary>
    public DateOnly ClosesOn { get; set; }
    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The governance forum that took the outcome (say, ratified the agreement), recorded once the round has closed.</summary>
    public Guid? DecidedByForumId { get; set; }

    /// <summary>The day that forum took it.</summary>
    public DateOnly? DecidedOn { get; set; }

    /// <summary>When the convenor recorded the forum and day in Concordat: for an outcome taken before it, later than the day.</summary>
    public DateTime? DecisionRecordedAtUtc { get; set; }

    /// <summary>The revision partners are responding to now; positions on earlier revisions must be confirmed again.</summary>
    public int CurrentRevision { get; set; } = 1;

    public List<ProposalRevision> Revisions { get; init; } = [];
    public List<RequiredResponse> RequiredResponses { get; init; } = [];
    public List<Position> Positions { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    [NotMapped]
    public ProposalRevision Current => Revisions.Single(r => r.Number == CurrentRevision);

    /// <summary>The position each required organisation holds on the current revision, if any.</summary>
    [NotMapped]
    public IEnumerable<Position> CurrentPositions => Positions.Where(p => p.Revision == CurrentRevision);

    [NotMapped]
    public bool StandingObjection => CurrentPositions.Any(p => p.Kind == PositionKind.Object);

    [NotMapped]
    public IReadOnlyList<Guid> Outstanding =>
        RequiredResponses.Select(r => r.OrganisationId).Where(o => CurrentPositions.All(p => p.OrganisationId != o)).ToList();

    [NotMapped]
    public bool IsAgreedNow => State == RoundState.Open && Outstanding.Count == 0 && !StandingObjection;

    public void RequireOpen()
    {
        if (State != RoundState.Open)
        {
            throw new InputInvalidException("Round", $"This agreement round is closed ({State.InWords()}): nothing more can be recorded");
        }
    }
}

/// <summary>The wording proposed. For Adopt and Change, the goal's fields as they would become; for Retire, only the reason.</summary>
public sealed class ProposalRevision : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid RoundId { get; init; }
    public int Number { get; init; }
    public required string Title { get; init; }
    public required string OutcomeStatement { get; init; }
    public required string Population { get; init; }
    public string? InequalityLens { get; init; }
    public DateOnly Horizon { get; init; }

    /// <summary>Why this proposal, or what the amendment changes and which objection it answers.</summary>
    public string? Note { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    public static ProposalRevision For(AgreementRound round, int number, GoalService.Wording wording, string? note, DateTime now) => new()
    {
        SystemId = round.SystemId, RoundId = round.Id, Number = number, Title = wording.Title, OutcomeStatement = wording.OutcomeStatement,
        Population = wording.Population, InequalityLens = wording.InequalityLens, Horizon = wording.Horizon, Note = note, CreatedAtUtc = now,
    };


    /// <summary>The proposed wording as its audit event records it.</summary>
    public SortedDictionary<string, string?> Snapshot() => new()
    {
        ["Revision"] = Number.ToString(CultureInfo.InvariantCulture),
        ["Title"] = Title,
        ["Outcome"] = OutcomeStatement,
        ["Population"] = Population,
        ["Inequality lens"] = InequalityLens,
        ["Horizon"] = Prose.Date(Horizon),
        ["Note"] = Note,
    };
}

public sealed class RequiredResponse : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid RoundId { get; init; }
    public Guid OrganisationId { get; init; }
}

/// <summary>An organisation's position on one revision of a proposal, recorded by one of its leads.</summary>
public sealed class Position : ITenantOwned, IVersioned
{
    public const int TextMaxLength = 2000;
    public const int DecisionMaxLength = 300;
    public const int ConfirmationMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid RoundId { get; init; }
    public Guid OrganisationId { get; init; }
    public int Revision { get; set; }
    public PositionKind Kind { get; set; }

    /// <summary>The concern (consent with concerns), the harm it would do (object) or the reason (stand aside).</summary>
    public string? Reason { get; set; }

    /// <summary>For an objection: what would resolve it.</summary>
    public string? WouldResolve { get; set; }

    /// <summary>The organisation's own decision: forum and date, or the delegated authority it acts under.</summary>
    public string? Decision { get; set; }
    public Guid RecordedByPersonId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The day the organisation took the position, when before it was recorded (a strategy adopted before Concordat).</summary>
    public DateOnly? TakenOn { get; set; }

    /// <summary>
    /// The lead of the organisation on whose written confirmation a convenor recorded the position; null when a lead
    /// recorded it. A convenor never records a position without one.
    /// </summary>
    public Guid? ConfirmedByPersonId { get; set; }
    public string? ConfirmedByName { get; set; }

    /// <summary>The written confirmation itself, as the convenor names it: "email of 3 March 2023".</summary>
    public string? Confirmation { get; set; }

    /// <summary>
    /// The fields every position has, read from a form or a request (goal rounds and ask rounds alike), in the order the
    /// forms ask; the checks that depend on the kind are <see cref="RequireReasons"/>.
    /// </summary>
    public static (PositionKind Kind, string? Reason, string? WouldResolve, string? Decision) ReadFields(InputErrors errors, PositionKind? kind, string? reason,
        string? wouldResolve, string? decision)
    {
        if (kind is not { } read || !Enum.IsDefined(read))
        {
            errors.Add("Kind", "Select your organisation's position");
            read = default;
        }
        return (read,
            errors.OptionalText("Reason", "Reason", reason, TextMaxLength),
            errors.OptionalText("WouldResolve", "What would resolve it", wouldResolve, TextMaxLength),
            errors.OptionalText("Decision", "Decision", decision, DecisionMaxLength));
    }

    /// <summary>Concerns are said, and an objection says the harm and what would resolve it: an objection is answered, not outvoted.</summary>
    public static void RequireReasons(InputErrors errors, PositionKind kind, string? reason, string? wouldResolve)
    {
        if (kind == PositionKind.ConsentWithConcerns && reason is null)
        {
            errors.Add("Reason", "Enter your concerns");
        }
        if (kind == PositionKind.Object)
        {
            if (reason is null)
            {
                errors.Add("Reason", "Enter what harm the proposal would do");
            }
            if (wouldResolve is null)
            {
                errors.Add("WouldResolve", "Enter what would resolve your objection");
            }
        }
    }

    /// <summary>"Recorded by Priya Shah on 7 December 2026, on the written confirmation of Dr Helen Ward (email of 3 March 2023)".</summary>
    public string Attribution() =>
        $"Recorded by {RecordedByName} on {Prose.Date(RecordedAtUtc)}"
        + (ConfirmedByName is { } lead ? $", on the written confirmation of {lead} ({Confirmation})" : "");

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The position as its audit event records it.</summary>
    public SortedDictionary<string, string?> Snapshot(string? organisation = null)
    {
        var fields = new SortedDictionary<string, string?>
        {
            ["Position"] = Kind.InWords(),
            ["On revision"] = Revision.ToString(CultureInfo.InvariantCulture),
            ["Reason"] = Reason,
            ["What would resolve it"] = WouldResolve,
            ["Decision"] = Decision,
            ["Taken on"] = TakenOn is { } on ? Prose.Date(on) : null,
            ["On the written confirmation of"] = ConfirmedByName is { } lead ? $"{lead} ({Confirmation})" : null,
        };
        if (organisation is not null)
        {
            fields["Organisation"] = organisation;
        }
        return fields;
    }
}

internal sealed class AgreementRoundConfiguration : IEntityTypeConfiguration<AgreementRound>
{
    public void Configure(EntityTypeBuilder<AgreementRound> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OpenedByName).HasMaxLength(200);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(r => r.SystemId);
        builder.HasOne<Goal>().WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Revisions).WithOne().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.RequiredResponses).WithOne().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Positions).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SystemId, r.GoalId, r.State });
        builder.HasOne<GovernanceForum>().WithMany().HasForeignKey(r => r.DecidedByForumId).OnDelete(DeleteBehavior.Restrict);
        // At most one open round per goal, even when two convenors open one at the same moment.
        builder.HasIndex(r => r.GoalId).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("IX_AgreementRounds_OneOpenPerGoal");
    }
}

internal sealed class ProposalRevisionConfiguration : IEntityTypeConfiguration<ProposalRevision>
{
    public void Configure(EntityTypeBuilder<ProposalRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Goal.TitleMaxLength);
        builder.Property(r => r.OutcomeStatement).HasMaxLength(Goal.OutcomeMaxLength);
        builder.Property(r => r.Population).HasMaxLength(Goal.PopulationMaxLength);
        builder.Property(r => r.InequalityLens).HasMaxLength(Goal.InequalityLensMaxLength);
        builder.Property(r => r.Note).HasMaxLength(AgreementRound.NoteMaxLength);
        builder.HasIndex(r => new { r.RoundId, r.Number }).IsUnique();
        builder.HasIndex(r => r.SystemId);
    }
}

internal sealed class RequiredResponseConfiguration : IEntityTypeConfiguration<RequiredResponse>
{
    public void Configure(EntityTypeBuilder<RequiredResponse> builder)
    {
        builder.HasKey(r => new { r.RoundId, r.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.SystemId);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Reason).HasMaxLength(Position.TextMaxLength);
        builder.Property(p => p.WouldResolve).HasMaxLength(Position.TextMaxLength);
        builder.Property(p => p.Decision).HasMaxLength(Position.DecisionMaxLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(200);
        builder.Property(p => p.ConfirmedByName).HasMaxLength(200);
        builder.Property(p => p.Confirmation).HasMaxLength(Position.ConfirmationMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // One position per organisation per round: a changed or re-confirmed position updates it, its history is in the audit trail.
        builder.HasIndex(p => new { p.RoundId, p.OrganisationId }).IsUnique();
        builder.HasIndex(p => p.SystemId);
    }
}

/// <summary>The words people read for the states and choices of an agreement round.</summary>
public static class AgreementWords
{
    public static string InWords(this RoundState state) => state switch
    {
        RoundState.Open => "open",
        RoundState.Agreed => "agreed",
        RoundState.NotAgreed => "not agreed",
        RoundState.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string InWords(this PositionKind kind) => kind switch
    {
        PositionKind.Consent => "Consent",
        PositionKind.ConsentWithConcerns => "Consent with concerns",
        PositionKind.Object => "Object",
        PositionKind.StandAside => "Stand aside",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string InWords(this ProposalKind kind) => kind switch
    {
        ProposalKind.Adopt => "Adoption",
        ProposalKind.Change => "Change",
        ProposalKind.Retire => "Retirement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
