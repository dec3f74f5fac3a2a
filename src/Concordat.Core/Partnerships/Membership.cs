using Concordat.Core.Data;
using Concordat.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>What a person may do in a system. Administrator is a deployment role, held on <see cref="Person"/>.</summary>
public enum Role
{
    /// <summary>Runs the system's workspace: manages partners and people.</summary>
    Convenor,
    /// <summary>Speaks for one organisation.</summary>
    OrganisationLead,
    /// <summary>Staff of a partner who update their own organisation's work and data.</summary>
    Contributor,
    /// <summary>Reads only.</summary>
    Viewer,
}

public static class RoleNames
{
    public static string InWords(this Role role) => role switch
    {
        Role.Convenor => "Convenor",
        Role.OrganisationLead => "Organisation lead",
        Role.Contributor => "Contributor",
        Role.Viewer => "Viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}

/// <summary>A person's role in a system, acting for one organisation.</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid PersonId { get; init; }
    public Guid OrganisationId { get; init; }
    public Role Role { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    public Person? Person { get; init; }
    public Organisation? Organisation { get; init; }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(m => m.SystemId);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId);
        builder.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId);
        builder.HasIndex(m => new { m.PersonId, m.OrganisationId }).IsUnique();
        builder.HasIndex(m => m.SystemId);
    }
}
