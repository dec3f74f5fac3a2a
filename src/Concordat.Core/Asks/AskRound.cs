using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Asks;

/// <summary>
/// The partners' agreement to an ask before it goes to the body addressed: the same consent as a goal's round (each
/// organisation asked consents, consents with concerns, objects or stands aside; an objection is answered, not
/// outvoted), on the ask's words as they stand. The words cannot change while the round is open: to answer an
/// objection, the round is withdrawn, the draft changed and a new round opened.
/// </summary>
public sealed class AskRound : ITenantOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid AskId { get; init; }
    public RoundState State { get; set; }
    public Guid OpenedByPersonId { get; init; }
    public required string OpenedByName { get; init; }
    public DateTime OpenedAtUtc { get; init; }

    /// <summary>The last day on which positions can be recorded (UK calendar day, inclusive).</summary>
    public DateOnly ClosesOn { get; init; }
    public DateTime? ClosedAtUtc { get; set; }

    public List<AskRoundResponse> RequiredResponses { get; init; } = [];
    public List<AskPosition> Positions { get; init; } = [];

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    [NotMapped]
    public bool StandingObjection => Positions.Any(p => p.Kind == PositionKind.Object);

    [NotMapped]
    public IReadOnlyList<Guid> Outstanding =>
        RequiredResponses.Select(r => r.OrganisationId).Where(o => Positions.All(p => p.OrganisationId != o)).ToList();

    [NotMapped]
    public bool IsAgreedNow => State == RoundState.Open && Outstanding.Count == 0 && !StandingObjection;
}

public sealed class AskRoundResponse : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid RoundId { get; init; }
    public Guid OrganisationId { get; init; }
}

/// <summary>An organisation's position on an ask, recorded by one of its leads.</summary>
public sealed class AskPosition : ITenantOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid RoundId { get; init; }
    public Guid OrganisationId { get; init; }
    public PositionKind Kind { get; set; }
    public string? Reason { get; set; }
    public string? WouldResolve { get; set; }
    public string? Decision { get; set; }
    public Guid RecordedByPersonId { get; set; }
    public required string RecordedByName { get; set; }
    public DateTime RecordedAtUtc { get; set; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public SortedDictionary<string, string?> Snapshot(string organisation) => new()
    {
        ["Organisation"] = organisation,
        ["Position"] = Kind.InWords(),
        ["Reason"] = Reason,
        ["What would resolve it"] = WouldResolve,
        ["Decision"] = Decision,
    };
}

internal sealed class AskRoundConfiguration : IEntityTypeConfiguration<AskRound>
{
    public void Configure(EntityTypeBuilder<AskRound> builder)
    {
        builder.ToTable("AskRounds");
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OpenedByName).HasMaxLength(People.Person.DisplayNameMaxLength);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(r => r.SystemId);
        builder.HasOne<Ask>().WithMany().HasForeignKey(r => r.AskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.RequiredResponses).WithOne().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Positions).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SystemId, r.State });
        // At most one open round per ask, even when two people open one at the same moment.
        builder.HasIndex(r => r.AskId).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("IX_AskRounds_OneOpenPerAsk");
    }
}

internal sealed class AskRoundResponseConfiguration : IEntityTypeConfiguration<AskRoundResponse>
{
    public void Configure(EntityTypeBuilder<AskRoundResponse> builder)
    {
        builder.ToTable("AskRoundResponses");
        builder.HasKey(r => new { r.RoundId, r.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.SystemId);
    }
}

internal sealed class AskPositionConfiguration : IEntityTypeConfiguration<AskPosition>
{
    public void Configure(EntityTypeBuilder<AskPosition> builder)
    {
        builder.ToTable("AskPositions");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Reason).HasMaxLength(Position.TextMaxLength);
        builder.Property(p => p.WouldResolve).HasMaxLength(Position.TextMaxLength);
        builder.Property(p => p.Decision).HasMaxLength(Position.DecisionMaxLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(People.Person.DisplayNameMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RoundId, p.OrganisationId }).IsUnique();
        builder.HasIndex(p => p.SystemId);
    }
}
