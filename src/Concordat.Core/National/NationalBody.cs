using System.ComponentModel.DataAnnotations;
using Concordat.Core.Data;
using Concordat.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.National;

public enum NationalBodyKind
{
    NhsEngland,
    NhsEnglandRegion,
    DepartmentOfHealthAndSocialCare,
    CareQualityCommission,
    HousingCommunitiesAndLocalGovernment,
    HmTreasury,
    Nice,
    UkHealthSecurityAgency,
    Other,
}

public static class NationalBodyKindNames
{
    public static string InWords(this NationalBodyKind kind) => kind switch
    {
        NationalBodyKind.NhsEngland => "NHS England",
        NationalBodyKind.NhsEnglandRegion => "NHS England region",
        NationalBodyKind.DepartmentOfHealthAndSocialCare => "Government department (health and social care)",
        NationalBodyKind.CareQualityCommission => "Regulator (care quality)",
        NationalBodyKind.HousingCommunitiesAndLocalGovernment => "Government department (local government)",
        NationalBodyKind.HmTreasury => "Government department (Treasury)",
        NationalBodyKind.Nice => "Guidance body (NICE)",
        NationalBodyKind.UkHealthSecurityAgency => "Public health agency",
        NationalBodyKind.Other => "Other national body",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// A body outside every system that systems ask for changes (NHS England and its regions, DHSC, CQC, MHCLG, HM Treasury,
/// NICE, UKHSA, and others an administrator adds). It belongs to the deployment, not to a system, so it is not tenant-owned;
/// its people are <see cref="NationalPartner"/>s, who see no system's workspace.
/// </summary>
public sealed class NationalBody : IVersioned
{
    public const int NameMaxLength = 120;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public NationalBodyKind Kind { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>Working days the body has to answer an ask before it is overdue (very overdue at twice): its service standard.</summary>
    public int ResponseDueWorkingDays { get; set; } = Asks.AskClock.DefaultDueWorkingDays;

    /// <summary>Who added it (null for the bodies every deployment starts with), and the last change, for the record.</summary>
    public string? CreatedByName { get; init; }
    public string? ChangedByName { get; set; }
    public DateTime? ChangedAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// The bodies every deployment starts with: NHS England, its seven regions and the departments, regulator and agencies
    /// systems most often ask. Fixed ids, so they are the same in every database made from the migration.
    /// </summary>
    public static readonly IReadOnlyList<NationalBody> Standard =
    [
        Seed("01930000-0000-7000-8000-000000000001", "NHS England", NationalBodyKind.NhsEngland),
        Seed("01930000-0000-7000-8000-000000000002", "NHS England East of England", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000003", "NHS England London", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000004", "NHS England Midlands", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000005", "NHS England North East and Yorkshire", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000006", "NHS England North West", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000007", "NHS England South East", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000008", "NHS England South West", NationalBodyKind.NhsEnglandRegion),
        Seed("01930000-0000-7000-8000-000000000009", "Department of Health and Social Care", NationalBodyKind.DepartmentOfHealthAndSocialCare),
        Seed("01930000-0000-7000-8000-00000000000a", "Care Quality Commission", NationalBodyKind.CareQualityCommission),
        Seed("01930000-0000-7000-8000-00000000000b", "Ministry of Housing, Communities and Local Government", NationalBodyKind.HousingCommunitiesAndLocalGovernment),
        Seed("01930000-0000-7000-8000-00000000000c", "HM Treasury", NationalBodyKind.HmTreasury),
        Seed("01930000-0000-7000-8000-00000000000d", "National Institute for Health and Care Excellence", NationalBodyKind.Nice),
        Seed("01930000-0000-7000-8000-00000000000e", "UK Health Security Agency", NationalBodyKind.UkHealthSecurityAgency),
    ];

    private static NationalBody Seed(string id, string name, NationalBodyKind kind) => new()
    {
        Id = Guid.Parse(id), Name = name, Kind = kind, CreatedAtUtc = new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc),
        Version = Guid.Parse(id.Replace("01930000-0000-7000-8000", "00000000-0000-4000-8000", StringComparison.Ordinal)),
    };
}

/// <summary>
/// A person who belongs to one national body (and may name their team within it). They see, across all systems, only
/// what is addressed to their body and submitted, and systems' public strategies; they are no member of any system.
/// </summary>
public sealed class NationalPartner
{
    public const int TeamMaxLength = 120;

    public Guid PersonId { get; init; }
    public Guid NationalBodyId { get; set; }
    public string? Team { get; set; }
    public DateTime AppointedAtUtc { get; set; }
    public required string AppointedByName { get; set; }

    public Person? Person { get; init; }
    public NationalBody? NationalBody { get; init; }
}

internal sealed class NationalBodyConfiguration : IEntityTypeConfiguration<NationalBody>
{
    public void Configure(EntityTypeBuilder<NationalBody> builder)
    {
        builder.ToTable("NationalBodies");
        builder.Property(b => b.Name).HasMaxLength(NationalBody.NameMaxLength);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(60);
        builder.Property(b => b.CreatedByName).HasMaxLength(Person.DisplayNameMaxLength);
        builder.Property(b => b.ChangedByName).HasMaxLength(Person.DisplayNameMaxLength);
        // The service refuses a name that differs only in case; the index settles two saves of one name at once.
        builder.HasIndex(b => b.Name).IsUnique();
        builder.HasData(NationalBody.Standard);
    }
}

internal sealed class NationalPartnerConfiguration : IEntityTypeConfiguration<NationalPartner>
{
    public void Configure(EntityTypeBuilder<NationalPartner> builder)
    {
        builder.ToTable("NationalPartners");
        // One body per person: a national partner speaks for one body.
        builder.HasKey(p => p.PersonId);
        builder.Property(p => p.Team).HasMaxLength(NationalPartner.TeamMaxLength);
        builder.Property(p => p.AppointedByName).HasMaxLength(Person.DisplayNameMaxLength);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId);
        builder.HasOne(p => p.NationalBody).WithMany().HasForeignKey(p => p.NationalBodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.NationalBodyId);
    }
}
