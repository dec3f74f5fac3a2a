using System.ComponentModel.DataAnnotations;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concordat.Core.Pdsa;

/// <summary>What the partners decide once a test has been studied (the Model for Improvement's Act).</summary>
public enum PdsaDecision
{
    Adopt,
    Adapt,
    Abandon,
    ScaleUp,
}

/// <summary>How far a cycle has got: each stage is recorded only after the one before it.</summary>
public enum PdsaStage
{
    Planned,
    Done,
    Studied,
    Decided,
}

public static class PdsaWords
{
    public static string InWords(this PdsaDecision decision) => decision switch
    {
        PdsaDecision.Adopt => "Adopt",
        PdsaDecision.Adapt => "Adapt",
        PdsaDecision.Abandon => "Abandon",
        PdsaDecision.ScaleUp => "Scale up",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    /// <summary>What each decision means, for the Act form's hints.</summary>
    public static string Meaning(this PdsaDecision decision) => decision switch
    {
        PdsaDecision.Adopt => "The change worked here: make it how things are done.",
        PdsaDecision.Adapt => "Change the idea and test it again.",
        PdsaDecision.Abandon => "The change did not work: stop testing it.",
        PdsaDecision.ScaleUp => "It worked: test it on a larger scale or in more places.",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static string InWords(this PdsaStage stage) => stage switch
    {
        PdsaStage.Planned => "Planned",
        PdsaStage.Done => "Done, not yet studied",
        PdsaStage.Studied => "Studied",
        PdsaStage.Decided => "Decided",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}

/// <summary>
/// One Plan-Do-Study-Act cycle: a small test of a change idea, run by one organisation (its owner), with a prediction
/// to learn from and the measure that will show it. Cycles of one idea follow each other in ramps: each ramped cycle
/// links to the one it learned from and carries its number in the ramp.
/// </summary>
public sealed class PdsaCycle : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 80;
    public const int TextMaxLength = 2000;
    public const int WhereMaxLength = 300;

    /// <summary>People of the organisation running the test change it; convenors may too, to keep the record true.</summary>
    public static void RequireOwner(Actor actor, Guid ownerOrganisationId, string action)
    {
        if (!actor.IsConvenor && !actor.CanContributeFor(ownerOrganisationId))
        {
            throw new ForbiddenException($"Only the people of the organisation running this test, or a convenor, can {action}.");
        }
    }

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SystemId { get; init; }
    public Guid ChangeIdeaId { get; init; }

    /// <summary>The first cycle of the ramp this one belongs to (its own id for a first cycle).</summary>
    public Guid RampId { get; init; }

    /// <summary>The cycle this one was ramped from; each cycle is ramped on at most once.</summary>
    public Guid? PreviousCycleId { get; init; }

    /// <summary>Its place in the ramp, from 1: "PDSA 2".</summary>
    public int Number { get; init; }

    // Plan
    public required string Title { get; set; }
    public required string Objective { get; set; }
    public string? Question { get; set; }
    public string? Prediction { get; set; }
    public Guid OwnerOrganisationId { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public string? Where { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public Guid? MeasureId { get; set; }
    public List<PdsaCycleOrganisation> Organisations { get; init; } = [];

    // Do
    public string? WhatHappened { get; set; }
    public string? Observations { get; set; }
    public string? Surprises { get; set; }

    // Study
    public string? Result { get; set; }

    // Act
    public PdsaDecision? Decision { get; set; }
    public string? ActNotes { get; set; }

    public DateTime CreatedAtUtc { get; init; }

    [ConcurrencyCheck]
    public Guid Version { get; set; } = Guid.NewGuid();

    public PdsaStage Stage => Decision is not null ? PdsaStage.Decided : Result is not null ? PdsaStage.Studied : WhatHappened is not null ? PdsaStage.Done : PdsaStage.Planned;

    /// <summary>How the cycle is named on charts and lists: "PDSA 2: Same-day reablement on ward 7".</summary>
    public string Label => $"PDSA {Number}: {Title}";

    /// <summary>Ended and not yet studied: the owner's people have a result to study.</summary>
    public bool IsReadyToStudy(DateOnly today) => EndsOn < today && Result is null;

    /// <summary>What the audit trail records of a cycle.</summary>
    public IReadOnlyDictionary<string, string?> Snapshot(IReadOnlyDictionary<Guid, string> names) => new SortedDictionary<string, string?>
    {
        ["Title"] = Title,
        ["Objective"] = Objective,
        ["Question"] = Question,
        ["Prediction"] = Prediction,
        ["Owner"] = names.GetValueOrDefault(OwnerOrganisationId, "?"),
        ["Person"] = OwnerPersonId is { } person ? names.GetValueOrDefault(person, "?") : null,
        ["Other organisations"] = string.Join(", ", Organisations.Select(o => names.GetValueOrDefault(o.OrganisationId, "?")).Order(StringComparer.Ordinal)),
        ["Where"] = Where,
        ["Starts"] = Prose.Date(StartsOn),
        ["Ends"] = Prose.Date(EndsOn),
        ["Measure"] = MeasureId is { } measure ? names.GetValueOrDefault(measure, "?") : null,
        ["What happened"] = WhatHappened,
        ["Observations"] = Observations,
        ["Surprises"] = Surprises,
        ["Result"] = Result,
        ["Decision"] = Decision?.InWords(),
        ["Act notes"] = ActNotes,
    };
}

/// <summary>Another organisation taking part in a test its owner runs.</summary>
public sealed class PdsaCycleOrganisation : ITenantOwned
{
    public Guid SystemId { get; init; }
    public Guid CycleId { get; init; }
    public Guid OrganisationId { get; init; }
}

internal sealed class PdsaCycleConfiguration : IEntityTypeConfiguration<PdsaCycle>
{
    public void Configure(EntityTypeBuilder<PdsaCycle> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(PdsaCycle.TitleMaxLength);
        foreach (var text in new[] { nameof(PdsaCycle.Objective), nameof(PdsaCycle.Question), nameof(PdsaCycle.Prediction), nameof(PdsaCycle.WhatHappened),
            nameof(PdsaCycle.Observations), nameof(PdsaCycle.Surprises), nameof(PdsaCycle.Result), nameof(PdsaCycle.ActNotes) })
        {
            builder.Property(text).HasMaxLength(PdsaCycle.TextMaxLength);
        }
        builder.Property(c => c.Where).HasMaxLength(PdsaCycle.WhereMaxLength);
        builder.Property(c => c.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(c => c.Stage);
        builder.Ignore(c => c.Label);
        builder.HasOne<CareSystem>().WithMany().HasForeignKey(c => c.SystemId);
        builder.HasOne<ChangeIdea>().WithMany().HasForeignKey(c => c.ChangeIdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PdsaCycle>().WithMany().HasForeignKey(c => c.PreviousCycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(c => c.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Measure>().WithMany().HasForeignKey(c => c.MeasureId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Organisations).WithOne().HasForeignKey(o => o.CycleId).OnDelete(DeleteBehavior.Cascade);
        // One successor per cycle: two people ramping at once cannot fork a ramp.
        builder.HasIndex(c => c.PreviousCycleId).IsUnique();
        builder.HasIndex(c => new { c.SystemId, c.ChangeIdeaId });
        builder.HasIndex(c => new { c.SystemId, c.MeasureId });
        builder.HasIndex(c => new { c.SystemId, c.OwnerOrganisationId });
    }
}

internal sealed class PdsaCycleOrganisationConfiguration : IEntityTypeConfiguration<PdsaCycleOrganisation>
{
    public void Configure(EntityTypeBuilder<PdsaCycleOrganisation> builder)
    {
        builder.HasKey(o => new { o.CycleId, o.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.SystemId);
    }
}
