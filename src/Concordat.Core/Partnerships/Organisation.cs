using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>A partner organisation of a system.</summary>
public sealed partial class Organisation : ITenantOwned, IVersioned
{
    public static void RequireEditableBy(Actor actor, Guid organisationId)
    {
        if (!actor.CanEditOrganisation(organisationId))
        {
            throw new ForbiddenException("Only a convenor or the organisation's own lead can change its details.");
        }
    }

    public const int NameMaxLength = 200;
    public const int OdsCodeMaxLength = 9;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }

    /// <summary>NHS Organisation Data Service code, stored upper case; null for partners without one.</summary>
    public string? OdsCode { get; set; }

    public List<OrganisationPlace> Places { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// ODS codes are 3 to 9 letters and digits: trusts and ICBs have 3 (RX1, QHM), sub-ICB locations 3 (00L),
    /// sites and VCSE bodies 5 (RX1AA, 8JK47), GP practices 6 (A81001), local authorities up to 9 (E10000023).
    /// </summary>
    public static bool IsValidOdsCode(string code) => OdsCodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Z0-9]{3,9}$")]
    private static partial Regex OdsCodePattern();

    public static string? NormaliseOdsCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    /// <summary>What the audit trail records of an organisation.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> placeNames) => new SortedDictionary<string, string?>
    {
        ["Name"] = Name,
        ["Type"] = Type.InWords(),
        ["ODS code"] = OdsCode,
        ["Places served"] = string.Join(", ", Places.Select(p => placeNames.GetValueOrDefault(p.PlaceId, "?")).Order()),
    };
}

/// <summary>A place an organisation serves.</summary>
public sealed class OrganisationPlace : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid OrganisationId { get; init; }
    public Guid PlaceId { get; init; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.OdsCode).HasMaxLength(Organisation.OdsCodeMaxLength);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(o => o.SystemId);
        // Both providers allow many NULLs in a unique index, so organisations without a code never clash.
        builder.HasIndex(o => new { o.SystemId, o.OdsCode }).IsUnique();
        builder.HasIndex(o => new { o.SystemId, o.Name });
        builder.HasMany(o => o.Places).WithOne().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationPlaceConfiguration : IEntityTypeConfiguration<OrganisationPlace>
{
    public void Configure(EntityTypeBuilder<OrganisationPlace> builder)
    {
        builder.HasKey(p => new { p.OrganisationId, p.PlaceId });
        builder.HasOne<Place>().WithMany().HasForeignKey(p => p.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SystemId);
    }
}
