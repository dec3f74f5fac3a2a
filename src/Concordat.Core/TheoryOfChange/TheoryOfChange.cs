using System.ComponentModel.DataAnnotations;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Measures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.TheoryOfChange;

public enum DriverLevel
{
    Primary,
    Secondary,
}

/// <summary>Behaviour change wheel intervention functions (Michie, van Stralen and West, 2011).</summary>
[Flags]
public enum InterventionFunctions
{
    None = 0,
    Education = 1,
    Persuasion = 2,
    Incentivisation = 4,
    Coercion = 8,
    Training = 16,
    Restriction = 32,
    EnvironmentalRestructuring = 64,
    Modelling = 128,
    Enablement = 256,
}

/// <summary>Behaviour change wheel policy categories: the levers a system pulls to deliver the functions.</summary>
[Flags]
public enum PolicyLevers
{
    None = 0,
    CommunicationMarketing = 1,
    Guidelines = 2,
    FiscalMeasures = 4,
    Regulation = 8,
    Legislation = 16,
    EnvironmentalSocialPlanning = 32,
    ServiceProvision = 64,
}

/// <summary>The plain-English names of driver levels, intervention functions and policy levers, for forms, pages and the strategy document.</summary>
public static class ChangeIdeaNames
{
    public static readonly (InterventionFunctions Value, string Text)[] Functions =
    [
        (InterventionFunctions.Education, "Education"), (InterventionFunctions.Persuasion, "Persuasion"), (InterventionFunctions.Incentivisation, "Incentivisation"),
        (InterventionFunctions.Coercion, "Coercion"), (InterventionFunctions.Training, "Training"), (InterventionFunctions.Restriction, "Restriction"),
        (InterventionFunctions.EnvironmentalRestructuring, "Environmental restructuring"), (InterventionFunctions.Modelling, "Modelling"), (InterventionFunctions.Enablement, "Enablement"),
    ];

    public static readonly (PolicyLevers Value, string Text)[] Levers =
    [
        (PolicyLevers.CommunicationMarketing, "Communication and marketing"), (PolicyLevers.Guidelines, "Guidelines"), (PolicyLevers.FiscalMeasures, "Fiscal measures"),
        (PolicyLevers.Regulation, "Regulation"), (PolicyLevers.Legislation, "Legislation"), (PolicyLevers.EnvironmentalSocialPlanning, "Environmental and social planning"),
        (PolicyLevers.ServiceProvision, "Service provision"),
    ];

    /// <summary>The functions chosen, in the Behaviour Change Wheel's order: "Training, enablement", or "None".</summary>
    public static string InWords(this InterventionFunctions value) => Listed(Functions.Where(f => f.Value != 0 && value.HasFlag(f.Value)).Select(f => f.Text));

    /// <summary>The levers chosen, in the Behaviour Change Wheel's order: "Guidelines, service provision", or "None".</summary>
    public static string InWords(this PolicyLevers value) => Listed(Levers.Where(l => l.Value != 0 && value.HasFlag(l.Value)).Select(l => l.Text));

    public static string InWords(this DriverLevel level) => level switch
    {
        DriverLevel.Primary => "Primary driver",
        DriverLevel.Secondary => "Secondary driver",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string InWords(this CarryingStatus status) => status switch
    {
        CarryingStatus.Requested => "Asked to carry it",
        CarryingStatus.Accepted => "Carries it",
        CarryingStatus.Declined => "Declined",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    // Each name keeps its own capitals only at the start of the list: "Communication and marketing, guidelines".
    private static string Listed(IEnumerable<string> names)
    {
        var list = names.Select((n, i) => i == 0 ? n : n.ToLowerInvariant()).ToList();
        return list.Count == 0 ? "None" : string.Join(", ", list);
    }
}

/// <summary>A driver of a goal's aim: primary drivers serve the aim, secondary drivers serve primary drivers.</summary>
public sealed class Driver : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public DriverLevel Level { get; init; }
    public required string Title { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A primary driver (a priority) serving another goal than the one it was entered in, its home goal. It is entered once:
/// its secondary drivers, change ideas, contributions and work stay with it in its home goal, and every goal it serves
/// shows them.
/// </summary>
public sealed class DriverShare : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid DriverId { get; init; }
    public Guid GoalId { get; init; }
    public DateTime SharedAtUtc { get; init; }
}

/// <summary>A secondary driver serving a primary driver (many to many).</summary>
public sealed class DriverLink : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid PrimaryDriverId { get; init; }
    public Guid SecondaryDriverId { get; init; }
}

/// <summary>A process measure attached to a driver.</summary>
public sealed class DriverMeasure : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid DriverId { get; init; }
    public Guid MeasureId { get; init; }
}

/// <summary>
/// Something partners will do to move secondary drivers, with an account of the behaviour it must change: whose,
/// what they must do differently, which COM-B components are lacking (a sentence each), the intervention functions
/// chosen and the policy levers used.
/// </summary>
public sealed class ChangeIdea : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid GoalId { get; init; }
    public required string Title { get; set; }

    /// <summary>Whose behaviour must change, like "ward discharge teams".</summary>
    public string? WhoseBehaviour { get; set; }
    public string? WhatDifferently { get; set; }

    // COM-B: a sentence where the component is lacking; null where it is not.
    public string? PhysicalCapability { get; set; }
    public string? PsychologicalCapability { get; set; }
    public string? PhysicalOpportunity { get; set; }
    public string? SocialOpportunity { get; set; }
    public string? ReflectiveMotivation { get; set; }
    public string? AutomaticMotivation { get; set; }
    public InterventionFunctions Functions { get; set; }
    public PolicyLevers Levers { get; set; }

    /// <summary>The levers named: "the NHS standard contract", "QOF", "a training curriculum".</summary>
    public string? LeverDetails { get; set; }
    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The COM-B components found lacking, each with its sentence, in the model's order.</summary>
    public IReadOnlyList<(string Component, string Sentence)> Lacking =>
        [.. new[] { ("Physical capability", PhysicalCapability), ("Psychological capability", PsychologicalCapability), ("Physical opportunity", PhysicalOpportunity),
            ("Social opportunity", SocialOpportunity), ("Reflective motivation", ReflectiveMotivation), ("Automatic motivation", AutomaticMotivation) }
            .Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!))];

    public bool HasDiagnosis => Lacking.Count > 0;

    /// <summary>The mechanism is accounted for: whose behaviour must change is named and what stops it diagnosed.</summary>
    public bool IsDiagnosed => HasDiagnosis && WhoseBehaviour is not null;
}

public sealed class ChangeIdeaDriver : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid ChangeIdeaId { get; init; }
    public Guid SecondaryDriverId { get; init; }
}

/// <summary>
/// Whether a contribution carries a change idea. An organisation's own lead puts its contribution to an idea at once;
/// anyone else only asks, and the contribution carries the idea once a lead of its organisation accepts.
/// </summary>
public enum CarryingStatus
{
    Requested,
    Accepted,
    Declined,
}

/// <summary>A contribution that carries a change idea, or has been asked to.</summary>
public sealed class ChangeIdeaContribution : ITenantOwned
{
    public const int ReasonMaxLength = 500;

    public Guid SystemId { get; init; }
    public Guid ChangeIdeaId { get; init; }
    public Guid ContributionId { get; init; }
    public CarryingStatus Status { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public required string RequestedByName { get; set; }

    /// <summary>When and by whom the contribution's organisation answered; null while requested and when its own lead linked it.</summary>
    public DateTime? AnsweredAtUtc { get; set; }
    public string? AnsweredByName { get; set; }
    public string? DeclineReason { get; set; }
}

internal sealed class DriverConfiguration : IEntityTypeConfiguration<Driver>
{
    public void Configure(EntityTypeBuilder<Driver> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(Driver.TitleMaxLength);
        builder.Property(d => d.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Goal>().WithMany().HasForeignKey(d => d.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.GoalId);
        builder.HasIndex(d => d.SystemId);
    }
}

internal sealed class DriverShareConfiguration : IEntityTypeConfiguration<DriverShare>
{
    public void Configure(EntityTypeBuilder<DriverShare> builder)
    {
        builder.HasKey(s => new { s.DriverId, s.GoalId });
        builder.HasOne<Driver>().WithMany().HasForeignKey(s => s.DriverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Goal>().WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => s.GoalId);
        builder.HasIndex(s => s.SystemId);
    }
}

internal sealed class DriverLinkConfiguration : IEntityTypeConfiguration<DriverLink>
{
    public void Configure(EntityTypeBuilder<DriverLink> builder)
    {
        builder.HasKey(l => new { l.PrimaryDriverId, l.SecondaryDriverId });
        builder.HasOne<Driver>().WithMany().HasForeignKey(l => l.PrimaryDriverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Driver>().WithMany().HasForeignKey(l => l.SecondaryDriverId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => l.SystemId);
    }
}

internal sealed class DriverMeasureConfiguration : IEntityTypeConfiguration<DriverMeasure>
{
    public void Configure(EntityTypeBuilder<DriverMeasure> builder)
    {
        builder.HasKey(m => new { m.DriverId, m.MeasureId });
        builder.HasOne<Driver>().WithMany().HasForeignKey(m => m.DriverId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Measure>().WithMany().HasForeignKey(m => m.MeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.SystemId);
    }
}

internal sealed class ChangeIdeaConfiguration : IEntityTypeConfiguration<ChangeIdea>
{
    public void Configure(EntityTypeBuilder<ChangeIdea> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(ChangeIdea.TitleMaxLength);
        foreach (var text in new[] { nameof(ChangeIdea.WhoseBehaviour), nameof(ChangeIdea.WhatDifferently), nameof(ChangeIdea.PhysicalCapability),
            nameof(ChangeIdea.PsychologicalCapability), nameof(ChangeIdea.PhysicalOpportunity), nameof(ChangeIdea.SocialOpportunity),
            nameof(ChangeIdea.ReflectiveMotivation), nameof(ChangeIdea.AutomaticMotivation), nameof(ChangeIdea.LeverDetails) })
        {
            builder.Property(text).HasMaxLength(ChangeIdea.TextMaxLength);
        }
        builder.HasOne<Goal>().WithMany().HasForeignKey(c => c.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.GoalId);
        builder.HasIndex(c => c.SystemId);
    }
}

internal sealed class ChangeIdeaDriverConfiguration : IEntityTypeConfiguration<ChangeIdeaDriver>
{
    public void Configure(EntityTypeBuilder<ChangeIdeaDriver> builder)
    {
        builder.HasKey(l => new { l.ChangeIdeaId, l.SecondaryDriverId });
        builder.HasOne<ChangeIdea>().WithMany().HasForeignKey(l => l.ChangeIdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Driver>().WithMany().HasForeignKey(l => l.SecondaryDriverId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => l.SystemId);
    }
}

internal sealed class ChangeIdeaContributionConfiguration : IEntityTypeConfiguration<ChangeIdeaContribution>
{
    public void Configure(EntityTypeBuilder<ChangeIdeaContribution> builder)
    {
        builder.HasKey(l => new { l.ChangeIdeaId, l.ContributionId });
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(l => l.RequestedByName).HasMaxLength(200);
        builder.Property(l => l.AnsweredByName).HasMaxLength(200);
        builder.Property(l => l.DeclineReason).HasMaxLength(ChangeIdeaContribution.ReasonMaxLength);
        builder.HasOne<ChangeIdea>().WithMany().HasForeignKey(l => l.ChangeIdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(l => l.ContributionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => l.SystemId);
    }
}
