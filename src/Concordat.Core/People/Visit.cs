using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.People;

/// <summary>
/// When a person last looked at a system's home page, so that it can say what changed since their last visit. A visit
/// is a run of looks with less than <see cref="Gap"/> between them: reloading the page does not empty the list.
/// </summary>
public sealed class Visit : ITenantOwned
{
    public static readonly TimeSpan Gap = TimeSpan.FromHours(1);

    /// <summary>Looks closer together than this are not written down: a home page read often need not be a write each time.</summary>
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    public Guid SystemId { get; init; }
    public Guid PersonId { get; init; }
    public DateTime SeenAtUtc { get; set; }

    /// <summary>The end of the previous visit; null on the first one.</summary>
    public DateTime? ChangesSinceUtc { get; set; }

    /// <summary>Records a look at <paramref name="now"/>; a look after a gap starts a new visit, counting changes from the end of the last.</summary>
    public void Seen(DateTime now)
    {
        if (now - SeenAtUtc < Resolution)
        {
            return;
        }
        if (now - SeenAtUtc > Gap)
        {
            ChangesSinceUtc = SeenAtUtc;
        }
        SeenAtUtc = now;
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.HasKey(v => new { v.PersonId, v.SystemId });
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnerships.CareSystem>().WithMany().HasForeignKey(v => v.SystemId).OnDelete(DeleteBehavior.Cascade);
    }
}
