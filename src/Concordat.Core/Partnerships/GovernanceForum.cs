using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>The statutory and agreed bodies of an integrated care system where decisions are taken.</summary>
public enum ForumKind
{
    IntegratedCarePartnership,
    IcbBoard,
    HealthAndWellbeingBoard,
    PlaceBoard,
    CommitteesInCommon,
    Other,
}

public static class ForumKindWords
{
    public static string InWords(this ForumKind kind) => kind switch
    {
        ForumKind.IntegratedCarePartnership => "Integrated care partnership",
        ForumKind.IcbBoard => "Integrated care board",
        ForumKind.HealthAndWellbeingBoard => "Health and wellbeing board",
        ForumKind.PlaceBoard => "Place board",
        ForumKind.CommitteesInCommon => "Committees in common",
        ForumKind.Other => "Other forum",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// A forum where the partnership takes decisions: the integrated care partnership, the ICB's board, a health and
/// wellbeing board, a place board or committees in common. Agreement rounds' outcomes and published strategy versions
/// can name the forum that took them.
/// </summary>
public sealed class GovernanceForum : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 200;
    public const int TermsMaxLength = 20_000;
    public const int LinkMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public ForumKind Kind { get; set; }

    /// <summary>The place a place board or health and wellbeing board serves; null for system-wide forums.</summary>
    public Guid? PlaceId { get; set; }

    /// <summary>The terms of reference as the convenor wrote them (Markdown); shown as text, never as HTML.</summary>
    public string? TermsOfReference { get; set; }

    /// <summary>Where the published terms of reference are; https only.</summary>
    public string? TermsOfReferenceUrl { get; set; }

    public List<ForumMember> Members { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records of a forum.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> organisationNames, string? place) => new SortedDictionary<string, string?>
    {
        ["Name"] = Name,
        ["Kind"] = Kind.InWords(),
        ["Place"] = place,
        ["Members"] = string.Join(", ", Members.Select(m => organisationNames.GetValueOrDefault(m.OrganisationId, "?")).Order(StringComparer.Ordinal)),
        ["Terms of reference"] = TermsOfReference,
        ["Terms of reference link"] = TermsOfReferenceUrl,
    };
}

/// <summary>An organisation that sits on a forum.</summary>
public sealed class ForumMember : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid ForumId { get; init; }
    public Guid OrganisationId { get; init; }
}

internal sealed class GovernanceForumConfiguration : IEntityTypeConfiguration<GovernanceForum>
{
    public void Configure(EntityTypeBuilder<GovernanceForum> builder)
    {
        builder.ToTable("Forums");
        builder.Property(f => f.Name).HasMaxLength(GovernanceForum.NameMaxLength);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.TermsOfReference).HasMaxLength(GovernanceForum.TermsMaxLength);
        builder.Property(f => f.TermsOfReferenceUrl).HasMaxLength(GovernanceForum.LinkMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(f => f.SystemId);
        builder.HasOne<Place>().WithMany().HasForeignKey(f => f.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.SystemId, f.Name }).IsUnique();
        builder.HasMany(f => f.Members).WithOne().HasForeignKey(m => m.ForumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ForumMemberConfiguration : IEntityTypeConfiguration<ForumMember>
{
    public void Configure(EntityTypeBuilder<ForumMember> builder)
    {
        builder.ToTable("ForumMembers");
        builder.HasKey(m => new { m.ForumId, m.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.SystemId);
    }
}
