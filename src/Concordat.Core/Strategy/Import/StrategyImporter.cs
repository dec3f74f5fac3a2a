using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.Measures;
using Concordat.Core.Partnerships;
using Concordat.Core.TheoryOfChange;
using Concordat.Core.Words;
using Concordat.Spc;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Strategy.Import;

/// <summary>What one import added (places, partners and forums the system already had are used, not counted).</summary>
public sealed record StrategyImported(int Places, int Partners, int Forums, int Measures, int Observations, int Goals, int Drivers, int ChangeIdeas)
{
    public int Ambitions { get; init; }
    public int SharedPriorities { get; init; }
    public bool Narrative { get; init; }

    /// <summary>What was added, in one sentence's words (without its full stop).</summary>
    public string InWords() =>
        $"{Prose.Count(Goals, "goal")} (as drafts) under {Prose.Count(Ambitions, "new ambition")}, {Prose.Count(Measures, "measure")} with {Prose.Count(Observations, "value")}, " +
        $"{Prose.Count(Partners, "partner")}, {Prose.Count(Places, "place")}, {Prose.Count(Forums, "forum")}, {Prose.Count(Drivers, "driver")} " +
        $"({Prose.Count(SharedPriorities, "priority", "priorities")} shared with another goal) and {Prose.Count(ChangeIdeas, "change idea")}" +
        (Narrative ? ", and the strategy's own words" : "");
}

/// <summary>
/// Loads a strategy file into a system, all or nothing. Each entry goes through the same service as its form, so it is
/// checked by the same rules, refused with the same words and audited the same way; every problem in the file is
/// reported, each under the entry and field it belongs to (<c>goals[2].horizon</c>), and if there is any the
/// transaction is rolled back and the system is as it was.
/// </summary>
/// <remarks>
/// Things are matched by name. A place, partner or forum the system already has is used as it is (a file cannot rename
/// or re-type it); a goal or measure with the name of one already there is refused, so that importing the same file twice
/// adds nothing twice. The importer acts as the person importing: a convenor names any lead organisation, but defines
/// only measures of organisations they act for, because a partner's data is the partner's to define.
/// </remarks>
public sealed class StrategyImporter(ConcordatDb db, PlaceService places, OrganisationService organisations, GovernanceForumService forums,
    AmbitionService ambitions, MeasureService measures, MeasureDataService data, GoalService goals, TheoryOfChangeService theory, StrategyNarrativeService narratives)
{
    public async Task<StrategyImported> ImportAsync(StrategyFile file, Actor actor, CancellationToken ct)
    {
        actor.RequireConvenor("import a strategy");
        var run = new Run(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await ImportPlacesAsync(file, run);
            await ImportPartnersAsync(file, run);
            await ImportForumsAsync(file, run);
            await ImportAmbitionsAsync(file, run);
            await ImportMeasuresAsync(file, run);
            await ImportGoalsAsync(file, run);
            await SharePrioritiesAsync(run);
            await ImportNarrativeAsync(file, run);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        if (run.Problems.Any)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw new InputInvalidException(run.Problems.Errors);
        }
        await transaction.CommitAsync(ct);
        return run.Counts();
    }

    private async Task ImportPlacesAsync(StrategyFile file, Run run)
    {
        var known = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Id, StringComparer.OrdinalIgnoreCase, run.Ct);
        foreach (var (entry, i) in file.Places.Select((e, i) => (e, i)))
        {
            var at = $"places[{i}]";
            if (entry.Name?.Trim() is { Length: > 0 } name && known.TryGetValue(name, out var existing))
            {
                run.Places[name] = existing;
                continue;
            }
            var place = await run.StepAsync(at, PlaceFields, () => places.CreateAsync(new SavePlace(entry.Name, entry.LocalAuthorityCode, entry.SubIcbLocationCode), run.Actor, run.Ct));
            if (place is not null)
            {
                run.Places[place.Name] = place.Id;
                run.Added.Places++;
            }
            else
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
            }
        }
        foreach (var (name, id) in known)
        {
            run.Places.TryAdd(name, id);
        }
    }

    private async Task ImportPartnersAsync(StrategyFile file, Run run)
    {
        var known = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.OrdinalIgnoreCase, run.Ct);
        foreach (var (entry, i) in file.Partners.Select((e, i) => (e, i)))
        {
            var at = $"partners[{i}]";
            if (entry.Name?.Trim() is { Length: > 0 } name && known.TryGetValue(name, out var existing))
            {
                run.Organisations[name] = existing;
                continue;
            }
            var type = run.Choice<OrganisationType>(at, "type", entry.Type, t => t.InWords(), required: true);
            var placeIds = run.Resolve(at, "places", entry.Places, run.Places, "place");
            if (type is null || placeIds is null)
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
                continue;
            }
            var input = new SaveOrganisation(entry.Name, type, entry.OdsCode, placeIds, entry.OnsCode, entry.CharityNumber, entry.CompanyNumber, entry.Partner);
            var organisation = await run.StepAsync(at, PartnerFields, () => organisations.CreateAsync(input, run.Actor, run.Ct));
            if (organisation is not null)
            {
                run.Organisations[organisation.Name] = organisation.Id;
                run.Added.Partners++;
            }
            else
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
            }
        }
        foreach (var (name, id) in known)
        {
            run.Organisations.TryAdd(name, id);
        }
    }

    private async Task ImportForumsAsync(StrategyFile file, Run run)
    {
        var known = await db.Forums.AsNoTracking().ToDictionaryAsync(f => f.Name, f => f.Id, StringComparer.OrdinalIgnoreCase, run.Ct);
        foreach (var (name, id) in known)
        {
            run.Forums[name] = id;
        }
        foreach (var (entry, i) in file.Forums.Select((e, i) => (e, i)))
        {
            var at = $"forums[{i}]";
            if (entry.Name?.Trim() is { Length: > 0 } name && known.ContainsKey(name))
            {
                continue;
            }
            var kind = run.Choice<ForumKind>(at, "kind", entry.Kind, k => k.InWords(), required: true);
            var members = run.Resolve(at, "members", entry.Members, run.Organisations, "partner");
            var placeId = entry.Place is null ? null : run.Resolve(at, "place", [entry.Place], run.Places, "place")?.Single();
            if (kind is null || members is null || (entry.Place is not null && placeId is null))
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
                continue;
            }
            var input = new SaveForum(entry.Name, kind, placeId, members, entry.TermsOfReference, entry.TermsOfReferenceUrl);
            if (await run.StepAsync(at, ForumFields, () => forums.CreateAsync(input, run.Actor, run.Ct)) is { } forum)
            {
                run.Forums[forum.Name] = forum.Id;
                run.Added.Forums++;
            }
            else
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
            }
        }
    }

    private async Task ImportAmbitionsAsync(StrategyFile file, Run run)
    {
        foreach (var ambition in (await ambitions.ArrangementAsync(run.Ct)).Ambitions)
        {
            run.Ambitions[ambition.Ambition.Title] = ambition.Ambition.Id;
        }
        foreach (var (entry, i) in file.Ambitions.Select((e, i) => (e, i)))
        {
            if (entry.Title?.Trim() is { Length: > 0 } title && run.Ambitions.ContainsKey(title))
            {
                continue;
            }
            if (await run.StepAsync($"ambitions[{i}]", new Dictionary<string, string>(), () => ambitions.CreateAsync(new SaveAmbition(entry.Title, entry.Description), run.Actor, run.Ct)) is { } added)
            {
                run.Ambitions[added.Title] = added.Id;
                run.Added.Ambitions++;
            }
            else
            {
                run.Failed.Add(entry.Title?.Trim() ?? "");
            }
        }
    }

    private async Task ImportNarrativeAsync(StrategyFile file, Run run)
    {
        if (file.Narrative is not { } entry)
        {
            return;
        }
        if ((await narratives.GetAsync(run.Ct)).Version is not null)
        {
            // The file must not overwrite words the partnership already wrote in Concordat.
            run.Problems.Add("narrative", "The system already has the strategy's own words: change them on the strategy's narrative page, or leave narrative out of the file");
            return;
        }
        var documents = new List<SaveRelatedDocument>();
        foreach (var (document, j) in entry.Documents.Select((d, j) => (d, j)))
        {
            var kind = run.Choice<RelatedDocumentKind>($"narrative.documents[{j}]", "kind", document.Kind, k => k.InWords(), required: true);
            documents.Add(new SaveRelatedDocument(kind, document.Title, document.Url));
        }
        var input = new SaveNarrative(entry.Vision, entry.Principles, entry.Context, entry.EnablingStrategies, documents);
        if (documents.All(d => d.Kind is not null)
            && await run.StepAsync("narrative", NarrativeFields, () => narratives.SaveAsync(input, null, run.Actor, run.Ct)) is not null)
        {
            run.Added.Narrative = true;
        }
    }

    /// <summary>Shares each priority with the other goals it serves, once every goal of the file exists.</summary>
    private async Task SharePrioritiesAsync(Run run)
    {
        foreach (var (at, goalId, driverId, others) in run.Shares)
        {
            var otherIds = run.Resolve(at, "sharedWith", others, run.Goals, "goal");
            foreach (var otherId in otherIds ?? [])
            {
                if (await run.StepAsync(at, new Dictionary<string, string>(), async () =>
                    {
                        await theory.ShareDriverAsync(goalId, driverId, otherId, run.Actor, run.Ct);
                        return otherId;
                    }) is not null)
                {
                    run.Added.SharedPriorities++;
                }
            }
        }
    }

    private async Task ImportMeasuresAsync(StrategyFile file, Run run)
    {
        var known = await db.Measures.AsNoTracking().ToDictionaryAsync(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase, run.Ct);
        foreach (var (name, id) in known)
        {
            run.Measures[name] = id;
        }
        foreach (var (entry, i) in file.Measures.Select((e, i) => (e, i)))
        {
            var at = $"measures[{i}]";
            if (entry.Name?.Trim() is { Length: > 0 } name && known.ContainsKey(name))
            {
                run.Problems.Add($"{at}.name", $"There is already a measure called {name} in this system: give this one another name, or leave it out and name the existing one in its goals");
                continue;
            }
            var frequency = run.Choice<MeasureFrequency>(at, "frequency", entry.Frequency, f => f.InWords(), required: true);
            var format = run.Choice<MeasureFormat>(at, "format", entry.Format, f => f.InWords(), required: false);
            var improvement = run.Choice<ImprovementDirection>(at, "improvement", entry.Improvement, d => d.InWords(), required: true);
            var sourceKind = run.Choice<MeasureSourceKind>(at, "sourceKind", entry.SourceKind, k => k.InWords(), required: false);
            var owner = run.Resolve(at, "owner", entry.Owner is null ? [] : [entry.Owner], run.Organisations, "partner");
            var placeId = entry.Place is null ? null : run.Resolve(at, "place", [entry.Place], run.Places, "place")?.Single();
            var periods = frequency is { } type ? ReadPeriods(entry, type, at, run) : null;
            if (owner is null || frequency is null || improvement is null || periods is null || (entry.Place is not null && placeId is null)
                || (entry.Format is not null && format is null) || (entry.SourceKind is not null && sourceKind is null))
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
                continue;
            }
            var input = new SaveMeasure(entry.Name, entry.Definition, entry.Unit, frequency, improvement, entry.Target, entry.Source, owner.Count == 0 ? null : owner[0])
            {
                Format = format ?? MeasureFormat.Number,
                SourceKind = sourceKind ?? MeasureSourceKind.Local,
                Geography = placeId is not null ? MeasureGeography.Place : entry.AreaCode is not null ? MeasureGeography.Area : MeasureGeography.System,
                PlaceId = placeId,
                AreaCode = entry.AreaCode,
                PoolYears = frequency == MeasureFrequency.PooledYears ? entry.PoolYears ?? 3 : null,
            };
            var measure = await run.StepAsync(at, MeasureFields, () => measures.CreateAsync(input, run.Actor, run.Ct));
            if (measure is null)
            {
                run.Failed.Add(entry.Name?.Trim() ?? "");
                continue;
            }
            run.Measures[measure.Name] = measure.Id;
            run.Added.Measures++;
            foreach (var (point, j) in entry.Data.Select((p, j) => (p, j)))
            {
                var record = new RecordObservation(periods[j], point.Value, point.Note)
                {
                    Count = point.Count, Denominator = point.Denominator, LowerCi = point.LowerCi, UpperCi = point.UpperCi,
                };
                if (await run.StepAsync($"{at}.data[{j}]", DataFields, () => data.RecordAsync(measure.Id, record, run.Actor, run.Ct)) is not null)
                {
                    run.Added.Observations++;
                }
            }
        }
    }

    /// <summary>
    /// Each data point's period start, read as the measure's periods are published (2024/25 is a financial year for one
    /// measure and an academic year for another), or null, with each unreadable or repeated period reported, when any cannot be read.
    /// </summary>
    private static List<DateOnly>? ReadPeriods(MeasureEntry entry, MeasureFrequency frequency, string at, Run run)
    {
        var starts = new List<DateOnly>();
        var seen = new Dictionary<DateOnly, int>();
        var ok = true;
        foreach (var (point, j) in entry.Data.Select((p, j) => (p, j)))
        {
            if (!Period.TryParse(point.Period, frequency, entry.PoolYears ?? 3, out var period, out var problem))
            {
                run.Problems.Add($"{at}.data[{j}].period", $"The period {problem}");
                ok = false;
                continue;
            }
            if (seen.TryGetValue(period.Start, out var first))
            {
                run.Problems.Add($"{at}.data[{j}].period", $"The period {point.Period} is given twice (also at data[{first}])");
                ok = false;
                continue;
            }
            seen[period.Start] = j;
            starts.Add(period.Start);
        }
        return ok ? starts : null;
    }

    private async Task ImportGoalsAsync(StrategyFile file, Run run)
    {
        var known = await db.Goals.AsNoTracking().Select(g => new { g.Title, g.Id }).ToListAsync(run.Ct);
        foreach (var goal in known)
        {
            run.Goals[goal.Title] = goal.Id;
        }
        foreach (var (entry, i) in file.Goals.Select((e, i) => (e, i)))
        {
            var at = $"goals[{i}]";
            if (entry.Title?.Trim() is { Length: > 0 } title && known.Any(g => string.Equals(g.Title, title, StringComparison.OrdinalIgnoreCase)))
            {
                run.Problems.Add($"{at}.title", $"There is already a goal called {title} in this system: give this one another title, or leave it out");
                continue;
            }
            var horizon = ReadDate(entry.Horizon, $"{at}.horizon", run);
            var lead = run.Resolve(at, "lead", entry.Lead is null ? [] : [entry.Lead], run.Organisations, "partner");
            var placeIds = run.Resolve(at, "places", entry.Places, run.Places, "place");
            // A goal whose measure is wrong is still checked, so that everything wrong with it is reported at once.
            run.Resolve(at, "measures", entry.Measures, run.Measures, "measure");
            var measureIds = entry.Measures.Select(n => n.Trim()).Where(run.Measures.ContainsKey).Select(n => run.Measures[n]).Distinct().ToList();
            var ambition = entry.Ambition is null ? [] : run.Resolve(at, "ambition", [entry.Ambition], run.Ambitions, "ambition");
            var forum = entry.OwningForum is null ? [] : run.Resolve(at, "owningForum", [entry.OwningForum], run.Forums, "forum");
            var jointOwners = run.Resolve(at, "jointOwners", entry.JointOwners, run.Organisations, "organisation");
            if (lead is null || placeIds is null || (entry.Horizon is not null && horizon is null))
            {
                run.Failed.Add(entry.Title?.Trim() ?? "");
                continue;
            }
            // An optional owner or ambition that is wrong is reported already; the goal is still checked without it, so that
            // everything else wrong with it is reported at once (nothing is saved while there is any problem).
            var input = new SaveGoal(entry.Title, entry.Outcome, entry.Population, entry.WholeSystem, placeIds, entry.InequalityLens, horizon,
                lead.Count == 0 ? null : lead[0], entry.SeniorResponsibleOwner, forum is [var f] ? f : null, jointOwners ?? [], ambition is [var a] ? a : null);
            var goal = await run.StepAsync(at, GoalFields, () => goals.CreateAsync(input, run.Actor, run.Ct));
            if (goal is null)
            {
                run.Failed.Add(entry.Title?.Trim() ?? "");
                continue;
            }
            run.Added.Goals++;
            run.Goals[goal.Title] = goal.Id;
            foreach (var measureId in measureIds)
            {
                await run.StepAsync($"{at}.measures", new Dictionary<string, string>(), async () =>
                {
                    await measures.LinkToGoalAsync(measureId, goal.Id, run.Actor, run.Ct);
                    return measureId;
                });
            }
            await ImportDriversAsync(entry, goal.Id, at, run);
        }
    }

    private async Task ImportDriversAsync(GoalEntry entry, Guid goalId, string at, Run run)
    {
        foreach (var (primary, p) in entry.Drivers.Select((d, p) => (d, p)))
        {
            var primaryAt = $"{at}.drivers[{p}]";
            var added = await run.StepAsync(primaryAt, DriverFields, () => theory.AddDriverAsync(goalId, new AddDriver(DriverLevel.Primary, primary.Title, null), run.Actor, run.Ct));
            if (added is null)
            {
                continue;
            }
            run.Added.Drivers++;
            if (primary.SharedWith.Count > 0)
            {
                run.Shares.Add(($"{primaryAt}", goalId, added.Id, primary.SharedWith));
            }
            foreach (var (secondary, s) in primary.Secondary.Select((d, s) => (d, s)))
            {
                var secondaryAt = $"{primaryAt}.secondary[{s}]";
                var driver = await run.StepAsync(secondaryAt, DriverFields,
                    () => theory.AddDriverAsync(goalId, new AddDriver(DriverLevel.Secondary, secondary.Title, [added.Id]), run.Actor, run.Ct));
                if (driver is null)
                {
                    continue;
                }
                run.Added.Drivers++;
                foreach (var (idea, c) in secondary.ChangeIdeas.Select((d, c) => (d, c)))
                {
                    var ideaAt = $"{secondaryAt}.changeIdeas[{c}]";
                    // An unknown function or lever is reported here; the idea is still checked without it, so that
                    // everything else wrong with it is reported at once (nothing is saved while there is any problem).
                    var input = new SaveChangeIdea(idea.Title, [driver.Id], idea.WhoseBehaviour, idea.WhatDifferently)
                    {
                        PhysicalCapability = idea.PhysicalCapability, PsychologicalCapability = idea.PsychologicalCapability,
                        PhysicalOpportunity = idea.PhysicalOpportunity, SocialOpportunity = idea.SocialOpportunity,
                        ReflectiveMotivation = idea.ReflectiveMotivation, AutomaticMotivation = idea.AutomaticMotivation,
                        Functions = run.Flags<InterventionFunctions>(ideaAt, "functions", idea.Functions, f => f.InWords()),
                        Levers = run.Flags<PolicyLevers>(ideaAt, "levers", idea.Levers, l => l.InWords()),
                        LeverDetails = idea.LeverDetails,
                    };
                    if (await run.StepAsync(ideaAt, ChangeIdeaFields, () => theory.AddChangeIdeaAsync(goalId, input, run.Actor, run.Ct)) is not null)
                    {
                        run.Added.ChangeIdeas++;
                    }
                }
            }
        }
    }

    private static DateOnly? ReadDate(string? text, string at, Run run)
    {
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        run.Problems.Add(at, $"Cannot read '{text}' as a date: write it like 2030-03-31");
        return null;
    }

    // The services name their input's fields; the file names them as its documentation does.
    private static readonly Dictionary<string, string> PlaceFields = new() { [nameof(SavePlace.Name)] = "name", [nameof(SavePlace.LocalAuthorityCode)] = "localAuthorityCode", [nameof(SavePlace.SubIcbLocationCode)] = "subIcbLocationCode" };
    private static readonly Dictionary<string, string> PartnerFields = new() { [nameof(SaveOrganisation.PlaceIds)] = "places", [nameof(SaveOrganisation.IsPartner)] = "partner" };
    private static readonly Dictionary<string, string> ForumFields = new() { [nameof(SaveForum.MemberOrganisationIds)] = "members", [nameof(SaveForum.PlaceId)] = "place" };
    private static readonly Dictionary<string, string> MeasureFields = new() { [nameof(SaveMeasure.OwnerOrganisationId)] = "owner", [nameof(SaveMeasure.PlaceId)] = "place" };
    private static readonly Dictionary<string, string> DataFields = new() { [nameof(RecordObservation.PeriodStart)] = "period" };
    private static readonly Dictionary<string, string> GoalFields = new()
    {
        [nameof(SaveGoal.OutcomeStatement)] = "outcome", [nameof(SaveGoal.PlaceIds)] = "places", [nameof(SaveGoal.LeadOrganisationId)] = "lead",
        [nameof(SaveGoal.AmbitionId)] = "ambition", [nameof(SaveGoal.OwningForumId)] = "owningForum",
    };
    private static readonly Dictionary<string, string> NarrativeFields = new() { [nameof(SaveNarrative.EnablingStrategies)] = "enablingStrategies" };
    private static readonly Dictionary<string, string> DriverFields = new() { [nameof(AddDriver.PrimaryDriverIds)] = "title" };
    private static readonly Dictionary<string, string> ChangeIdeaFields = new() { [nameof(SaveChangeIdea.SecondaryDriverIds)] = "title" };

    /// <summary>One import's names found so far, its problems and its counts.</summary>
    private sealed class Run(Actor actor, CancellationToken ct)
    {
        public Actor Actor => actor;
        public CancellationToken Ct => ct;
        public InputErrors Problems { get; } = new();
        public Dictionary<string, Guid> Places { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Guid> Organisations { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Guid> Measures { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Guid> Forums { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Guid> Ambitions { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, Guid> Goals { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Priorities to share once every goal exists: where each was written, its goal, the driver and the goals named.</summary>
        public List<(string At, Guid GoalId, Guid DriverId, List<string> Others)> Shares { get; } = [];

        /// <summary>Names of entries already reported as wrong: what refers to them is not reported again as unknown.</summary>
        public HashSet<string> Failed { get; } = new(StringComparer.OrdinalIgnoreCase);
        public Tally Added { get; } = new();

        public StrategyImported Counts() =>
            new(Added.Places, Added.Partners, Added.Forums, Added.Measures, Added.Observations, Added.Goals, Added.Drivers, Added.ChangeIdeas)
            {
                Ambitions = Added.Ambitions, SharedPriorities = Added.SharedPriorities, Narrative = Added.Narrative,
            };

        /// <summary>Runs one entry through its service; a refusal becomes the entry's problems and the import goes on to find the rest.</summary>
        public async Task<T?> StepAsync<T>(string at, IReadOnlyDictionary<string, string> fields, Func<Task<T>> step) where T : class
        {
            try
            {
                return await step();
            }
            catch (InputInvalidException e)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var message in messages)
                    {
                        Problems.Add($"{at}.{fields.GetValueOrDefault(field, CamelCase(field))}", message);
                    }
                }
            }
            catch (Exception e) when (e is ForbiddenException or NotFoundException)
            {
                Problems.Add(at, e.Message);
            }
            return null;
        }

        public async Task<Guid?> StepAsync(string at, IReadOnlyDictionary<string, string> fields, Func<Task<Guid>> step) =>
            await StepAsync(at, fields, async () => (object)await step()) is Guid id ? id : null;

        /// <summary>The ids of the named things, or null (with each unknown name reported) when any is unknown.</summary>
        public List<Guid>? Resolve(string at, string field, IReadOnlyList<string> names, Dictionary<string, Guid> known, string what)
        {
            var ids = new List<Guid>();
            var ok = true;
            foreach (var name in names.Select(n => n?.Trim() ?? ""))
            {
                if (known.TryGetValue(name, out var id))
                {
                    ids.Add(id);
                }
                else
                {
                    if (!Failed.Contains(name))
                    {
                        Problems.Add($"{at}.{field}", $"There is no {what} called {name} in this file or in the system");
                    }
                    ok = false;
                }
            }
            return ok ? ids : null;
        }

        /// <summary>A choice written as its name (NhsTrust) or in its words (NHS trust), in any case.</summary>
        public T? Choice<T>(string at, string field, string? text, Func<T, string> words, bool required) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Problems.Add($"{at}.{field}", $"Enter the {field}: one of {string.Join(", ", Enum.GetValues<T>().Select(v => v.ToString()))}");
                }
                return null;
            }
            if (Match(text, words) is { } value)
            {
                return value;
            }
            Problems.Add($"{at}.{field}", $"'{text.Trim()}' is not one of the choices for {field}: {string.Join(", ", Enum.GetValues<T>().Select(v => v.ToString()))}");
            return null;
        }

        /// <summary>
        /// A flags choice (intervention functions, policy levers) written as a list of names or words, or null, with each
        /// unknown one reported, when any is unknown. None is the empty list; the choices listed are the real ones.
        /// </summary>
        public T? Flags<T>(string at, string field, IReadOnlyList<string> names, Func<T, string> words) where T : struct, Enum
        {
            var flags = 0L;
            var ok = true;
            foreach (var name in names)
            {
                if (Match(name, words) is { } value)
                {
                    flags |= Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    continue;
                }
                var choices = Enum.GetValues<T>().Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0).Select(v => v.ToString());
                Problems.Add($"{at}.{field}", $"'{name.Trim()}' is not one of the choices for {field}: {string.Join(", ", choices)}");
                ok = false;
            }
            return ok ? (T)Enum.ToObject(typeof(T), flags) : null;
        }

        private static T? Match<T>(string text, Func<T, string> words) where T : struct, Enum
        {
            var wanted = Letters(text);
            foreach (var value in Enum.GetValues<T>())
            {
                if (Letters(value.ToString()) == wanted || Letters(words(value)) == wanted)
                {
                    return value;
                }
            }
            return null;
        }

        private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

        private static string CamelCase(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
    }

    private sealed class Tally
    {
        public int Places { get; set; }
        public int Partners { get; set; }
        public int Forums { get; set; }
        public int Measures { get; set; }
        public int Observations { get; set; }
        public int Goals { get; set; }
        public int Drivers { get; set; }
        public int ChangeIdeas { get; set; }
        public int Ambitions { get; set; }
        public int SharedPriorities { get; set; }
        public bool Narrative { get; set; }
    }
}
