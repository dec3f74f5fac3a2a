using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Goals;

/// <summary>
/// An organisation that owns a goal jointly with its lead organisation, such as a council or a university from outside
/// the system. Leads of a joint owner that is a partner may change the draft's wording; who owns it stays with the
/// convenor and the lead organisation's leads.
/// </summary>
public sealed class GoalJointOwner : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public Guid OrganisationId { get; init; }
}

internal sealed class GoalJointOwnerConfiguration : IEntityTypeConfiguration<GoalJointOwner>
{
    public void Configure(EntityTypeBuilder<GoalJointOwner> builder)
    {
        builder.HasKey(o => new { o.GoalId, o.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.SystemId);
        builder.HasIndex(o => o.OrganisationId);
    }
}
