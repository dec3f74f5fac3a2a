using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>
/// An organisation of a system: a partner, or one from outside the system (an academic partner, a national charity, a
/// Health Innovation Network) that is only named, as a co-funder for example.
/// </summary>
public sealed class Organisation : ITenantOwned, IVersioned
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
    public const int OnsCodeMaxLength = 9;
    public const int CharityNumberMaxLength = 11;
    public const int CompanyNumberMaxLength = 8;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public required string Name { get; set; }
    public OrganisationType Type { get; set; }

    /// <summary>NHS Organisation Data Service code, stored upper case; null for organisations without one.</summary>
    public string? OdsCode { get; set; }

    /// <summary>Office for National Statistics code of a council or other public area, like E06000047.</summary>
    public string? OnsCode { get; set; }

    public string? CharityNumber { get; set; }
    public string? CompanyNumber { get; set; }

    /// <summary>
    /// False for an organisation outside the system: it can be named (a fund's co-funder, say) but is not asked for
    /// positions, not counted as a partner, and no one holds a role for it.
    /// </summary>
    public bool IsPartner { get; set; } = true;

    public OrganisationCodes Codes => new(OdsCode, OnsCode, CharityNumber, CompanyNumber);

    public List<OrganisationPlace> Places { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>What the audit trail records of an organisation.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> placeNames) => new SortedDictionary<string, string?>
    {
        ["Name"] = Name,
        ["Type"] = Type.InWords(),
        ["ODS code"] = OdsCode,
        ["ONS code"] = OnsCode,
        ["Charity number"] = CharityNumber,
        ["Company number"] = CompanyNumber,
        ["Partner"] = Prose.YesNo(IsPartner),
        ["Places served"] = string.Join(", ", Places.Select(p => placeNames.GetValueOrDefault(p.PlaceId, "?")).Order()),
    };
}

/// <summary>An organisation's register identifiers, each null where it has none.</summary>
public sealed record OrganisationCodes(string? OdsCode, string? OnsCode, string? CharityNumber, string? CompanyNumber)
{
    /// <summary>The name of the ONS area the ONS code names, where Concordat's list of areas has it; shown beside the code.</summary>
    public string? OnsAreaName { get; init; }

    public string? Of(Register register) => register switch
    {
        Register.Ods => OdsCode,
        Register.Ons => OnsCode,
        Register.Charity => CharityNumber,
        Register.Company => CompanyNumber,
        _ => throw new ArgumentOutOfRangeException(nameof(register), register, null),
    };

    public void ApplyTo(Organisation organisation)
    {
        organisation.OdsCode = OdsCode;
        organisation.OnsCode = OnsCode;
        organisation.CharityNumber = CharityNumber;
        organisation.CompanyNumber = CompanyNumber;
    }

    /// <summary>Each identifier it has, by name: "County Durham (ONS code E06000047)", "Registered charity 1234567".</summary>
    public IReadOnlyList<string> InWords() =>
        [.. Enum.GetValues<Register>().Where(r => Of(r) is not null)
            .Select(r => r == Register.Ons && OnsAreaName is { } area ? $"{area} ({r.Describe(Of(r)!)})" : r.Describe(Of(r)!))];
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
        builder.Property(o => o.OnsCode).HasMaxLength(Organisation.OnsCodeMaxLength);
        builder.Property(o => o.CharityNumber).HasMaxLength(Organisation.CharityNumberMaxLength);
        builder.Property(o => o.CompanyNumber).HasMaxLength(Organisation.CompanyNumberMaxLength);
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
