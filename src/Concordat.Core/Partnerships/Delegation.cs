using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Partnerships;

/// <summary>The kinds of work a partner can hand to someone outside it, such as the programme office.</summary>
public enum DelegatedCapability
{
    /// <summary>Register, change, import, commit and release the organisation's resources.</summary>
    Resources,

    /// <summary>Define the organisation's measures, record and import their data, and recalculate their limits.</summary>
    MeasureData,

    /// <summary>Decide who acts for the organisation: add its people and change or remove their roles.</summary>
    People,
}

public static class DelegatedCapabilityWords
{
    public static string InWords(this DelegatedCapability capability) => capability switch
    {
        DelegatedCapability.Resources => "Its resources",
        DelegatedCapability.MeasureData => "Its measures and their data",
        DelegatedCapability.People => "Its people and their roles",
        _ => throw new ArgumentOutOfRangeException(nameof(capability), capability, null),
    };
}

/// <summary>
/// A lead's record that someone outside the organisation may do one kind of its work until a date: a convenor acts
/// for no organisation otherwise. Revoking keeps the record, so every act done under it can still name it.
/// </summary>
public sealed class Delegation : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid OrganisationId { get; init; }
    public DelegatedCapability Capability { get; init; }
    public Guid DelegatePersonId { get; init; }

    /// <summary>The last day it may be used (inclusive).</summary>
    public DateOnly Until { get; init; }
    public required string GrantedByName { get; init; }
    public DateTime GrantedAtUtc { get; init; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedByName { get; set; }

    public bool IsActiveOn(DateOnly day) => RevokedAtUtc is null && Until >= day;
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.Property(d => d.Capability).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.GrantedByName).HasMaxLength(200);
        builder.Property(d => d.RevokedByName).HasMaxLength(200);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(d => d.DelegatePersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.SystemId, d.DelegatePersonId });
        builder.HasIndex(d => d.OrganisationId);
    }
}
