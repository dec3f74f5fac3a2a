using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.People;

/// <summary>Someone who signs in. People are not tenant-owned: one person may belong to several systems.</summary>
public sealed class Person : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 120;

    public Person()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public required string DisplayName { get; set; }

    /// <summary>Runs the deployment: creates systems and manages accounts in every system.</summary>
    public bool IsAdministrator { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    /// <summary>
    /// Set by an administrator: the person can no longer sign in, their sessions have ended and their API tokens
    /// are refused. Kept rather than deleted, so the history of what they did still names them.
    /// </summary>
    public DateTime? DeactivatedAtUtc { get; set; }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.DisplayName).HasMaxLength(Person.DisplayNameMaxLength);
    }
}
