using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Asks;

/// <summary>The two sides of an ask's exchange.</summary>
public enum AskSide
{
    System,
    National,
}

/// <summary>One move in an ask's exchange: a proposal or a reply from the system, a response from the body addressed.</summary>
public enum AskIterationKind
{
    /// <summary>The words the partners agreed, as submitted.</summary>
    Proposal,
    /// <summary>New words from the system, answering a response.</summary>
    RevisedProposal,
    /// <summary>The system's answer to a question or response, without changing its words.</summary>
    Feedback,
    /// <summary>The body takes the ask into discussion: still its move.</summary>
    AcceptedForDiscussion,
    /// <summary>The body needs something from the system before it can decide.</summary>
    Question,
    Agreed,
    PartlyAgreed,
    Declined,
}

public static class AskIterationWords
{
    public static string InWords(this AskIterationKind kind) => kind switch
    {
        AskIterationKind.Proposal => "Proposal",
        AskIterationKind.RevisedProposal => "Revised proposal",
        AskIterationKind.Feedback => "Local feedback",
        AskIterationKind.AcceptedForDiscussion => "Accepted for discussion",
        AskIterationKind.Question => "Question",
        AskIterationKind.Agreed => "Agreed",
        AskIterationKind.PartlyAgreed => "Partly agreed, with conditions",
        AskIterationKind.Declined => "Declined",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string InWords(this AskSide side) => side switch
    {
        AskSide.System => "the system",
        AskSide.National => "the national body",
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, null),
    };

    public static AskSide Side(this AskIterationKind kind) =>
        kind is AskIterationKind.Proposal or AskIterationKind.RevisedProposal or AskIterationKind.Feedback ? AskSide.System : AskSide.National;

    /// <summary>
    /// Whose move it is after this one: the body's after anything from the system, and after it accepts an ask for
    /// discussion (it still owes an answer); the system's after a question; nobody's after a decision.
    /// </summary>
    public static AskSide? NextMove(this AskIterationKind kind) => kind switch
    {
        AskIterationKind.Proposal or AskIterationKind.RevisedProposal or AskIterationKind.Feedback or AskIterationKind.AcceptedForDiscussion => AskSide.National,
        AskIterationKind.Question => AskSide.System,
        _ => null,
    };

    /// <summary>The ask's status once this move is made.</summary>
    public static AskStatus StatusAfter(this AskIterationKind kind) => kind switch
    {
        AskIterationKind.Proposal => AskStatus.Submitted,
        AskIterationKind.Agreed => AskStatus.Agreed,
        AskIterationKind.PartlyAgreed => AskStatus.PartlyAgreed,
        AskIterationKind.Declined => AskStatus.Declined,
        _ => AskStatus.InDiscussion,
    };
}

/// <summary>
/// A numbered move in the exchange between a system and the body its ask is addressed to. A proposal keeps the words
/// as they were sent, so any two can be compared word by word; a response keeps what the body said and the conditions
/// it attached. Iterations are only ever added.
/// </summary>
public sealed class AskIteration : ITenantOwned
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid AskId { get; init; }
    public int Number { get; init; }
    public AskIterationKind Kind { get; init; }

    /// <summary>For a proposal: the ask's words as sent.</summary>
    public string? Title { get; init; }
    public string? Barrier { get; init; }
    public string? Request { get; init; }
    public string? Offer { get; init; }

    /// <summary>What the side said: the response, the question, the reasons, the feedback, or why the words changed.</summary>
    public string? Text { get; init; }

    /// <summary>For an agreement or partial agreement: the conditions or expectations attached.</summary>
    public string? Conditions { get; init; }

    public Guid? ByPersonId { get; init; }
    public required string ByName { get; init; }

    /// <summary>The organisation or national body the person acted for.</summary>
    public required string ForName { get; init; }
    public DateTime AtUtc { get; init; }

    /// <summary>Set when the body answered a national theme: this is that answer as it reached this ask, with the theme's title then.</summary>
    public Guid? ThemeId { get; init; }
    public string? ThemeTitle { get; init; }

    public bool IsProposal => Kind is AskIterationKind.Proposal or AskIterationKind.RevisedProposal;
}

internal sealed class AskIterationConfiguration : IEntityTypeConfiguration<AskIteration>
{
    public void Configure(EntityTypeBuilder<AskIteration> builder)
    {
        builder.ToTable("AskIterations");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Title).HasMaxLength(Ask.TitleMaxLength);
        builder.Property(i => i.Barrier).HasMaxLength(Ask.TextMaxLength);
        builder.Property(i => i.Request).HasMaxLength(Ask.TextMaxLength);
        builder.Property(i => i.Offer).HasMaxLength(Ask.TextMaxLength);
        builder.Property(i => i.Text).HasMaxLength(AskIteration.TextMaxLength);
        builder.Property(i => i.Conditions).HasMaxLength(AskIteration.TextMaxLength);
        builder.Property(i => i.ByName).HasMaxLength(People.Person.DisplayNameMaxLength);
        builder.Property(i => i.ForName).HasMaxLength(200);
        builder.HasOne<Ask>().WithMany().HasForeignKey(i => i.AskId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.ThemeTitle).HasMaxLength(NationalTheme.TitleMaxLength);
        builder.HasOne<NationalTheme>().WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Restrict);
        // Two replies saved at once cannot both take the same number: the second fails and is told to read again.
        builder.HasIndex(i => new { i.AskId, i.Number }).IsUnique();
        builder.HasIndex(i => i.SystemId);
    }
}
