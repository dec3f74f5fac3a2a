using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.History;

/// <summary>
/// One change, written in the same transaction as the change itself: who, acting for which organisation,
/// when, what, and the item's recorded fields before and after (JSON objects of field name to text).
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public Guid? ActorPersonId { get; init; }
    public required string ActorName { get; init; }
    public Guid? ActingForOrganisationId { get; init; }
    public string? ActingForOrganisationName { get; init; }

    /// <summary>The delegation the act was done under, when the person acted for an organisation that is not theirs.</summary>
    public Guid? DelegationId { get; init; }

    /// <summary>What happened, as a stable code such as <c>OrganisationUpdated</c>.</summary>
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public Guid EntityId { get; init; }

    /// <summary>The item's name at the time, so the feed reads well after the item changes or goes.</summary>
    public required string EntityName { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }

    /// <summary>The entry's place in its system's chain, from 1; set when the entry is saved (see <see cref="AuditChain"/>).</summary>
    public long Sequence { get; internal set; }

    /// <summary>The <see cref="Hash"/> of the entry before it in its system's chain (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string PreviousHash { get; internal set; } = "";

    /// <summary>SHA-256, in lower-case hex, of every other stored field and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; internal set; } = "";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.ActingForOrganisationName).HasMaxLength(Organisation.NameMaxLength + 60);
        builder.Property(e => e.Action).HasMaxLength(80);
        builder.Property(e => e.EntityType).HasMaxLength(80);
        builder.Property(e => e.EntityName).HasMaxLength(300);
        builder.Property(e => e.PreviousHash).HasMaxLength(AuditChain.HashLength);
        builder.Property(e => e.Hash).HasMaxLength(AuditChain.HashLength);
        // The audit outlives nothing it records: a system with an audit cannot be deleted (the database refuses the
        // cascade anyway, see AuditTriggers), so deleting one is refused up front instead of half-way.
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(e => e.SystemId).OnDelete(DeleteBehavior.Restrict);
        // One entry per place in a system's chain: should two writers ever pick the same place, the second fails
        // instead of forking the chain.
        builder.HasIndex(e => new { e.SystemId, e.Sequence }).IsUnique();
        builder.HasIndex(e => new { e.SystemId, e.OccurredAtUtc });
        builder.HasIndex(e => new { e.SystemId, e.EntityId });
    }
}
