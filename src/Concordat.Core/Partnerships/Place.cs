using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>
/// A place-based partnership within a system (usually a local authority footprint). A retired place stays on the
/// goals, organisations, measures and resources that named it, and in their history, but is not offered for new ones.
/// </summary>
public sealed partial class Place : ITenantOwned, IVersioned
{
    public const int NameMaxLength = 120;
    public const int CodeLength = 9;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }

    /// <summary>The ONS code of the local authority the place follows, like E06000047; upper case.</summary>
    public string? LocalAuthorityCode { get; set; }

    /// <summary>The ONS code of the sub-ICB location (the former CCG footprint), like E38000212; upper case.</summary>
    public string? SubIcbLocationCode { get; set; }

    /// <summary>The day the convenor retired the place; null while it is in use.</summary>
    public DateOnly? RetiredOn { get; set; }

    public List<Neighbourhood> Neighbourhoods { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsRetired => RetiredOn is not null;

    /// <summary>
    /// ONS area codes of England and Wales: the country's letter, the entity's two digits, then six digits. Local
    /// authorities are E06 (unitary), E07 (district), E08 (metropolitan), E09 (London borough), E10 (county) or W06.
    /// </summary>
    public static bool IsValidLocalAuthorityCode(string code) => LocalAuthorityPattern().IsMatch(code);

    /// <summary>Sub-ICB locations are entity E38, like E38000212.</summary>
    public static bool IsValidSubIcbLocationCode(string code) => SubIcbLocationPattern().IsMatch(code);

    [GeneratedRegex("^[EW][0-9]{8}$")]
    private static partial Regex LocalAuthorityPattern();

    [GeneratedRegex("^E38[0-9]{6}$")]
    private static partial Regex SubIcbLocationPattern();

    public static string? NormaliseCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    /// <summary>What the audit trail records of a place.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot() => new SortedDictionary<string, string?>
    {
        ["Name"] = Name,
        ["Local authority code"] = LocalAuthorityCode,
        ["Sub-ICB location code"] = SubIcbLocationCode,
        ["Retired"] = RetiredOn is { } day ? Words.Prose.Date(day) : null,
    };
}

/// <summary>A neighbourhood within a place, such as a primary care network's footprint.</summary>
public sealed class Neighbourhood : ITenantOwned
{
    public const int NameMaxLength = 120;
    public const int CodeMaxLength = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid PlaceId { get; init; }
    public required string Name { get; set; }

    /// <summary>Whatever code the partnership uses for it (a PCN's ODS code, say); free text.</summary>
    public string? Code { get; set; }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength);
        builder.Property(p => p.LocalAuthorityCode).HasMaxLength(Place.CodeLength);
        builder.Property(p => p.SubIcbLocationCode).HasMaxLength(Place.CodeLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(p => p.SystemId);
        builder.HasIndex(p => new { p.SystemId, p.Name }).IsUnique();
        builder.HasMany(p => p.Neighbourhoods).WithOne().HasForeignKey(n => n.PlaceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NeighbourhoodConfiguration : IEntityTypeConfiguration<Neighbourhood>
{
    public void Configure(EntityTypeBuilder<Neighbourhood> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(Neighbourhood.NameMaxLength);
        builder.Property(n => n.Code).HasMaxLength(Neighbourhood.CodeMaxLength);
        builder.HasIndex(n => new { n.PlaceId, n.Name }).IsUnique();
        builder.HasIndex(n => n.SystemId);
    }
}
