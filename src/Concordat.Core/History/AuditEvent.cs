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
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(e => e.SystemId);
        builder.HasIndex(e => new { e.SystemId, e.OccurredAtUtc });
        builder.HasIndex(e => new { e.SystemId, e.EntityId });
    }
}
