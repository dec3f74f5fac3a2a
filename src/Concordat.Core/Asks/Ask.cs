using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.National;
using Concordat.Core.Partnerships;
using Concordat.Core.Raid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Asks;

public enum AskCategory
{
    DevolvedTransformationFunding,
    RegulatoryStreamlining,
    FinancialFlexibility,
    PaymentModel,
    Capital,
    Workforce,
    DataAndInformation,
    LegalOrStatutory,
    Other,
}

/// <summary>Where an ask is in its life: drafted, agreed by the partners, then worked through with the body addressed.</summary>
public enum AskStatus
{
    Draft,
    AgreedLocally,
    Submitted,
    InDiscussion,
    Agreed,
    PartlyAgreed,
    Declined,
    Implemented,
    ImpactReviewed,
}

/// <summary>Whether the system is keeping its side of an agreed ask.</summary>
public enum ConditionStatus
{
    NotAssessed,
    BeingMet,
    AtRisk,
    NotBeingMet,
}

public static class AskWords
{
    public static string InWords(this ConditionStatus status) => status switch
    {
        ConditionStatus.NotAssessed => "Not yet assessed",
        ConditionStatus.BeingMet => "Being met",
        ConditionStatus.AtRisk => "At risk",
        ConditionStatus.NotBeingMet => "Not being met",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The body has decided (an agreed or partly agreed ask carries the deal ledger's two sides).</summary>
    public static bool IsDecided(this AskStatus status) =>
        status is AskStatus.Agreed or AskStatus.PartlyAgreed or AskStatus.Declined or AskStatus.Implemented or AskStatus.ImpactReviewed;

    /// <summary>The body addressed may see it: the partners agreed it and it was submitted.</summary>
    public static bool IsSubmitted(this AskStatus status) => status is not (AskStatus.Draft or AskStatus.AgreedLocally);

    public static string InWords(this AskCategory category) => category switch
    {
        AskCategory.DevolvedTransformationFunding => "Devolved transformation funding",
        AskCategory.RegulatoryStreamlining => "Regulatory or oversight streamlining",
        AskCategory.FinancialFlexibility => "Financial flexibility",
        AskCategory.PaymentModel => "Payment model",
        AskCategory.Capital => "Capital",
        AskCategory.Workforce => "Workforce",
        AskCategory.DataAndInformation => "Data and information",
        AskCategory.LegalOrStatutory => "Legal or statutory",
        AskCategory.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string InWords(this AskStatus status) => status switch
    {
        AskStatus.Draft => "Draft",
        AskStatus.AgreedLocally => "Agreed locally",
        AskStatus.Submitted => "Submitted",
        AskStatus.InDiscussion => "In discussion",
        AskStatus.Agreed => "Agreed",
        AskStatus.PartlyAgreed => "Partly agreed",
        AskStatus.Declined => "Declined",
        AskStatus.Implemented => "Implemented",
        AskStatus.ImpactReviewed => "Impact reviewed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>
/// A change a system asks of a national body — the barrier that stops the partners today, the specific change asked,
/// and what the system offers in return — owned by one partner organisation. It lives in its system: no other system
/// ever sees it, and the body addressed sees it only once the partners have agreed it and it is submitted.
/// </summary>
public sealed class Ask : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Title { get; set; }
    public AskCategory Category { get; set; }
    public Guid NationalBodyId { get; set; }

    /// <summary>What stops the partners today.</summary>
    public required string Barrier { get; set; }

    /// <summary>The specific change asked of the body.</summary>
    public required string Request { get; set; }
    public string? Evidence { get; set; }

    /// <summary>The other side of the deal: what the system commits to if the body agrees.</summary>
    public string? Offer { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public AskStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public required string CreatedByName { get; init; }

    /// <summary>When the partners' agreed words went to the body addressed: the first iteration.</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>What the body granted, in its decision's words (agreed or partly agreed): the freedom in the deal ledger.</summary>
    public string? Granted { get; set; }

    /// <summary>The conditions or expectations attached to the decision: the other side of the ledger.</summary>
    public string? Conditions { get; set; }

    /// <summary>Whether the system is meeting the conditions, as the owner last assessed it.</summary>
    public ConditionStatus ConditionStatus { get; set; }
    public string? ConditionNote { get; set; }
    public DateOnly? ImplementedOn { get; set; }

    /// <summary>What difference the change made, once reviewed.</summary>
    public string? ImpactReview { get; set; }

    public List<AskGoal> Goals { get; init; } = [];
    public List<AskRisk> Risks { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A goal the ask would unlock.</summary>
public sealed class AskGoal : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid AskId { get; init; }
    public Guid GoalId { get; init; }
}

/// <summary>A risk of the RAID log the ask would mitigate.</summary>
public sealed class AskRisk : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid AskId { get; init; }
    public Guid RaidEntryId { get; init; }
}

internal sealed class AskConfiguration : IEntityTypeConfiguration<Ask>
{
    public void Configure(EntityTypeBuilder<Ask> builder)
    {
        builder.ToTable("Asks");
        builder.Property(a => a.Title).HasMaxLength(Ask.TitleMaxLength);
        builder.Property(a => a.Category).HasConversion<string>().HasMaxLength(60);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Barrier).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.Request).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.Evidence).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.Offer).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.Granted).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.Conditions).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.ConditionStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConditionNote).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.ImpactReview).HasMaxLength(Ask.TextMaxLength);
        builder.Property(a => a.CreatedByName).HasMaxLength(People.Person.DisplayNameMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(a => a.SystemId);
        builder.HasOne<NationalBody>().WithMany().HasForeignKey(a => a.NationalBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Goals).WithOne().HasForeignKey(g => g.AskId);
        builder.HasMany(a => a.Risks).WithOne().HasForeignKey(r => r.AskId);
        builder.HasIndex(a => new { a.SystemId, a.Status });
        builder.HasIndex(a => new { a.NationalBodyId, a.Status });
    }
}

internal sealed class AskGoalConfiguration : IEntityTypeConfiguration<AskGoal>
{
    public void Configure(EntityTypeBuilder<AskGoal> builder)
    {
        builder.ToTable("AskGoals");
        builder.HasKey(g => new { g.AskId, g.GoalId });
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.SystemId);
    }
}

internal sealed class AskRiskConfiguration : IEntityTypeConfiguration<AskRisk>
{
    public void Configure(EntityTypeBuilder<AskRisk> builder)
    {
        builder.ToTable("AskRisks");
        builder.HasKey(r => new { r.AskId, r.RaidEntryId });
        builder.HasOne<RaidEntry>().WithMany().HasForeignKey(r => r.RaidEntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.SystemId);
    }
}
