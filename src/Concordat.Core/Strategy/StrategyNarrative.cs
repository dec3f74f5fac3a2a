using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Strategy;

/// <summary>The documents an integrated care strategy must relate to.</summary>
public enum RelatedDocumentKind
{
    JointForwardPlan,
    JointStrategicNeedsAssessment,
    HealthAndWellbeingStrategy,
    Other,
}

public static class RelatedDocumentKindWords
{
    public static string InWords(this RelatedDocumentKind kind) => kind switch
    {
        RelatedDocumentKind.JointForwardPlan => "Joint forward plan",
        RelatedDocumentKind.JointStrategicNeedsAssessment => "Joint strategic needs assessment",
        RelatedDocumentKind.HealthAndWellbeingStrategy => "Joint local health and wellbeing strategy",
        RelatedDocumentKind.Other => "Other document",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// The parts of a system's strategy that are not goals, in the convenor's words: its vision, principles, context and
/// enabling strategies (Markdown, sanitised when saved), and the documents it relates to. One per system; each
/// published version of the strategy carries it as it stood.
/// </summary>
public sealed class StrategyNarrative : ITenantOwned, IVersioned
{
    public const int SectionMaxLength = 20_000;
    public const int MaxDocuments = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }

    /// <summary>The vision or mission.</summary>
    public string? Vision { get; set; }
    public string? Principles { get; set; }

    /// <summary>The population and its needs.</summary>
    public string? Context { get; set; }

    /// <summary>Workforce, estates, digital and finance: what enables the goals.</summary>
    public string? EnablingStrategies { get; set; }

    public List<RelatedDocument> Documents { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records: every section as written, and the documents one a line.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => new SortedDictionary<string, string?>
    {
        ["Vision"] = Vision,
        ["Principles"] = Principles,
        ["Context"] = Context,
        ["Enabling strategies"] = EnablingStrategies,
        ["Related documents"] = Documents.Count == 0 ? null
            : string.Join("\n", Documents.OrderBy(d => d.Position).Select(d => $"{d.Kind.InWords()}: {d.Title} ({d.Url})")),
    };
}

/// <summary>A document the strategy relates to: its kind, title and where it is published.</summary>
public sealed class RelatedDocument : ITenantOwned
{
    public const int TitleMaxLength = 200;
    public const int UrlMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid NarrativeId { get; init; }

    /// <summary>Where it stands in the list, as the convenor gave it.</summary>
    public int Position { get; set; }
    public RelatedDocumentKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
}

internal sealed class StrategyNarrativeConfiguration : IEntityTypeConfiguration<StrategyNarrative>
{
    public void Configure(EntityTypeBuilder<StrategyNarrative> builder)
    {
        builder.Property(n => n.Vision).HasMaxLength(StrategyNarrative.SectionMaxLength);
        builder.Property(n => n.Principles).HasMaxLength(StrategyNarrative.SectionMaxLength);
        builder.Property(n => n.Context).HasMaxLength(StrategyNarrative.SectionMaxLength);
        builder.Property(n => n.EnablingStrategies).HasMaxLength(StrategyNarrative.SectionMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(n => n.SystemId);
        // One narrative per system: two convenors saving the first one at once cannot make two.
        builder.HasIndex(n => n.SystemId).IsUnique();
        builder.HasMany(n => n.Documents).WithOne().HasForeignKey(d => d.NarrativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RelatedDocumentConfiguration : IEntityTypeConfiguration<RelatedDocument>
{
    public void Configure(EntityTypeBuilder<RelatedDocument> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Title).HasMaxLength(RelatedDocument.TitleMaxLength);
        builder.Property(d => d.Url).HasMaxLength(RelatedDocument.UrlMaxLength);
        builder.HasIndex(d => d.SystemId);
    }
}
