using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.People;

/// <summary>
/// A single-use link with which a new person sets their password. Only the SHA-256 hash of the secret is
/// stored, so a copy of the database cannot be used to take over an account.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid PersonId { get; init; }
    public required string SecretHash { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime ExpiresAtUtc { get; init; }
    public DateTime? UsedAtUtc { get; set; }
    public Guid CreatedByPersonId { get; init; }

    public bool IsUsableAt(DateTime nowUtc) => UsedAtUtc is null && nowUtc < ExpiresAtUtc;
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.SecretHash).HasMaxLength(64);
        builder.HasIndex(i => i.SecretHash).IsUnique();
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(i => i.SystemId);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId);
    }
}
