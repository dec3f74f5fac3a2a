using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Concordat.Core.Strategy.Import;

/// <summary>
/// An existing strategy as a team writes it down to start from in Concordat: places, partners, forums, ambitions,
/// measures with their data, goals with their driver diagrams, and the strategy's own words. YAML or JSON (JSON is read as YAML, of which it is a subset);
/// things refer to each other by name. The format is documented in docs/strategy-import.md.
/// </summary>
public sealed partial class StrategyFile
{
    public List<PlaceEntry> Places { get; set; } = [];
    public List<PartnerEntry> Partners { get; set; } = [];
    public List<ForumEntry> Forums { get; set; } = [];
    public List<AmbitionEntry> Ambitions { get; set; } = [];
    public List<MeasureEntry> Measures { get; set; } = [];
    public List<GoalEntry> Goals { get; set; } = [];
    public NarrativeEntry? Narrative { get; set; }

    /// <summary>Larger files are refused before they are read: a strategy is a few hundred kilobytes, its long series go through the data import.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnforceRequiredMembers()
        .WithTypeConverter(new NamesConverter())
        .Build();

    /// <summary>Reads a file, or says where and why it cannot be read (line and column, and the field that is not part of the format).</summary>
    /// <exception cref="StrategyFileException">The text is not YAML or JSON in this format.</exception>
    public static StrategyFile Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StrategyFileException("The file is empty: it should hold places, partners, forums, ambitions, measures, goals and the narrative, as docs/strategy-import.md shows.");
        }
        try
        {
            return Reader.Deserialize<StrategyFile?>(text) ?? new StrategyFile();
        }
        catch (YamlException e)
        {
            throw new StrategyFileException($"Line {e.Start.Line}, column {e.Start.Column}: {Explain(e)}");
        }
    }

    private static string Explain(YamlException e)
    {
        var innermost = e;
        while (innermost.InnerException is YamlException inner)
        {
            innermost = inner;
        }
        var unknown = UnknownProperty().Match(innermost.Message);
        if (unknown.Success)
        {
            return $"'{unknown.Groups["name"].Value}' is not a field of {Describe(unknown.Groups["type"].Value)} (check its spelling against docs/strategy-import.md).";
        }
        return innermost.Message.Contains("Exception during deserialization", StringComparison.Ordinal) && innermost.InnerException is { } cause
            ? $"{cause.Message.TrimEnd('.')}: check the value's type (a number, a date like 2030-03-31, true or false, or a list)."
            : innermost.Message;
    }

    private static string Describe(string type) => type[(type.LastIndexOf('.') + 1)..] switch
    {
        nameof(StrategyFile) => "the file (it has places, partners, forums, ambitions, measures, goals and narrative)",
        nameof(AmbitionEntry) => "an ambition",
        nameof(NarrativeEntry) => "the narrative",
        nameof(DocumentEntry) => "a related document",
        nameof(PlaceEntry) => "a place",
        nameof(PartnerEntry) => "a partner",
        nameof(ForumEntry) => "a forum",
        nameof(MeasureEntry) => "a measure",
        nameof(DataEntry) => "a measure's data point",
        nameof(GoalEntry) => "a goal",
        nameof(PrimaryDriverEntry) => "a primary driver",
        nameof(SecondaryDriverEntry) => "a secondary driver",
        nameof(ChangeIdeaEntry) => "a change idea",
        var other => other,
    };

    [GeneratedRegex(@"Property '(?<name>[^']+)' not found on type '(?<type>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();
}

public sealed class PlaceEntry
{
    public string? Name { get; set; }
    public string? LocalAuthorityCode { get; set; }
    public string? SubIcbLocationCode { get; set; }
}

public sealed class PartnerEntry
{
    public string? Name { get; set; }

    /// <summary>An organisation type by its name (NhsTrust) or its words (NHS trust).</summary>
    public string? Type { get; set; }
    public string? OdsCode { get; set; }
    public string? OnsCode { get; set; }
    public string? CharityNumber { get; set; }
    public string? CompanyNumber { get; set; }
    public List<string> Places { get; set; } = [];

    /// <summary>False for an organisation outside the system (a university, a national charity) named as a co-funder or co-owner.</summary>
    public bool Partner { get; set; } = true;
}

public sealed class ForumEntry
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Place { get; set; }
    public List<string> Members { get; set; } = [];
    public string? TermsOfReference { get; set; }
    public string? TermsOfReferenceUrl { get; set; }
}

public sealed class AmbitionEntry
{
    public string? Title { get; set; }
    public string? Description { get; set; }
}

/// <summary>The strategy's own words (Markdown), and the documents it relates to.</summary>
public sealed class NarrativeEntry
{
    public string? Vision { get; set; }
    public string? Principles { get; set; }
    public string? Context { get; set; }
    public string? EnablingStrategies { get; set; }
    public List<DocumentEntry> Documents { get; set; } = [];
}

public sealed class DocumentEntry
{
    /// <summary>JointForwardPlan, JointStrategicNeedsAssessment, HealthAndWellbeingStrategy or Other.</summary>
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }
}

public sealed class MeasureEntry
{
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public string? Unit { get; set; }
    public string? Frequency { get; set; }

    /// <summary>For pooled periods: how many years each holds (3 for 2019 - 21).</summary>
    public int? PoolYears { get; set; }
    public string? Format { get; set; }
    public string? Improvement { get; set; }
    public double? Target { get; set; }
    public string? Owner { get; set; }
    public string? Source { get; set; }
    public string? SourceKind { get; set; }

    /// <summary>The place the measure describes; leave out (with <see cref="AreaCode"/>) for the whole system.</summary>
    public string? Place { get; set; }

    /// <summary>An ONS or ODS area code the measure describes, like E38000014.</summary>
    public string? AreaCode { get; set; }
    public List<DataEntry> Data { get; set; } = [];
}

public sealed class DataEntry
{
    /// <summary>The period as the measure's data is published: 2024-04, 2024/25 Q1, 2024/25, 2024, 2019 - 21.</summary>
    public string? Period { get; set; }
    public double? Value { get; set; }
    public double? Count { get; set; }
    public double? Denominator { get; set; }
    public double? LowerCi { get; set; }
    public double? UpperCi { get; set; }
    public string? Note { get; set; }
}

public sealed class GoalEntry
{
    public string? Title { get; set; }
    public string? Outcome { get; set; }
    public string? Population { get; set; }
    public bool WholeSystem { get; set; }
    public List<string> Places { get; set; } = [];
    public string? InequalityLens { get; set; }

    /// <summary>The date the outcome should be reached by, like 2030-03-31.</summary>
    public string? Horizon { get; set; }
    public string? Lead { get; set; }

    /// <summary>The ambition (by title) the goal serves; optional.</summary>
    public string? Ambition { get; set; }

    /// <summary>The forum (by name) that owns the goal, like the integrated care partnership; optional.</summary>
    public string? OwningForum { get; set; }

    /// <summary>Organisations (by name) owning the goal with the lead, partners or not; optional.</summary>
    public List<string> JointOwners { get; set; } = [];
    public string? SeniorResponsibleOwner { get; set; }

    /// <summary>Names of measures (in this file or already in the system) that show whether the outcome moves.</summary>
    public List<string> Measures { get; set; } = [];
    public List<PrimaryDriverEntry> Drivers { get; set; } = [];
}

public sealed class PrimaryDriverEntry
{
    public string? Title { get; set; }

    /// <summary>Other goals (by title) this priority serves too: it is entered once, under this goal, and shown in theirs.</summary>
    public List<string> SharedWith { get; set; } = [];
    public List<SecondaryDriverEntry> Secondary { get; set; } = [];
}

public sealed class SecondaryDriverEntry
{
    public string? Title { get; set; }
    public List<ChangeIdeaEntry> ChangeIdeas { get; set; } = [];
}

/// <summary>A change idea with its behavioural diagnosis, as the change idea form takes it; everything but the title is optional.</summary>
public sealed class ChangeIdeaEntry
{
    public string? Title { get; set; }
    public string? WhoseBehaviour { get; set; }
    public string? WhatDifferently { get; set; }

    // COM-B: for each source of behaviour that is lacking, a sentence saying how.
    public string? PhysicalCapability { get; set; }
    public string? PsychologicalCapability { get; set; }
    public string? PhysicalOpportunity { get; set; }
    public string? SocialOpportunity { get; set; }
    public string? ReflectiveMotivation { get; set; }
    public string? AutomaticMotivation { get; set; }

    /// <summary>Intervention functions by name (EnvironmentalRestructuring) or words (Environmental restructuring).</summary>
    [YamlConverter(typeof(NamesConverter))]
    public List<string> Functions { get; set; } = [];

    /// <summary>Policy levers by name (ServiceProvision) or words (Service provision).</summary>
    [YamlConverter(typeof(NamesConverter))]
    public List<string> Levers { get; set; } = [];

    /// <summary>The levers named, like "the NHS standard contract".</summary>
    public string? LeverDetails { get; set; }
}

/// <summary>
/// Names written as a list (<c>[Training, Enablement]</c>) or, as the API writes a flags enum, joined by ", "
/// (<c>"Training, Enablement"</c>), so that a change idea read from the API can be pasted into a file as it is.
/// </summary>
public sealed class NamesConverter : IYamlTypeConverter
{
    // Only the fields marked with it: elsewhere a comma belongs to the name ("Fellside Council, Housing").
    public bool Accepts(Type type) => false;

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var names = new List<string>();
        if (parser.TryConsume<Scalar>(out var joined))
        {
            Add(names, joined.Value);
            return names;
        }
        if (!parser.TryConsume<SequenceStart>(out _))
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, "Write the names as a list, like [Training, Enablement]");
        }
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            Add(names, parser.Consume<Scalar>().Value);
        }
        return names;
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) => throw new NotSupportedException("Strategy files are only read.");

    private static void Add(List<string> names, string text) =>
        names.AddRange(text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>The file cannot be read at all; nothing was imported.</summary>
public sealed class StrategyFileException(string message) : Exception(message);
