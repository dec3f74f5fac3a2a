namespace Concordat.Core.HealthChecks;

/// <summary>A PDSA cycle as the work programme's checks read it.</summary>
public sealed record CycleFacts(Guid Id, string Label, string ChangeIdea, bool HasPrediction, bool HasMeasure);

/// <summary>A change idea (in the goal it was entered in) and whether anyone works on it: a work item carrying it, or a PDSA cycle testing it.</summary>
public sealed record IdeaWorkFacts(Guid Id, Guid GoalId, string Title, bool HasWorkItem, bool HasCycle);

/// <summary>
/// The work programme's checks. They are findings across the system rather than checks of each goal: they say
/// whether the partners are doing what the strategy says, not whether the strategy itself is sound, so a goal's
/// score does not move with them. Paths are relative to the system's home.
/// </summary>
public static class WorkProgrammeChecks
{
    public const string CycleWithoutPredictionOrMeasure = "pdsa-cycles-predict-and-measure";
    public const string IdeaNobodyWorksOn = "change-ideas-are-worked-on";

    public static IEnumerable<Finding> Run(IReadOnlyList<CycleFacts> cycles, IReadOnlyList<IdeaWorkFacts> ideas)
    {
        foreach (var c in cycles.Where(c => !c.HasPrediction || !c.HasMeasure))
        {
            var missing = (c.HasPrediction, c.HasMeasure) switch
            {
                (false, false) => "no prediction and no measure",
                (false, true) => "no prediction",
                _ => "no measure",
            };
            yield return new Finding(CycleWithoutPredictionOrMeasure, c.Label,
                $"{c.Label} (testing \"{c.ChangeIdea}\") has {missing}: a test without a prediction teaches nothing, and one without a measure cannot show whether the change is an improvement.",
                $"/pdsa/{c.Id}/plan", CheckState.Failed);
        }
        foreach (var i in ideas.Where(i => !i.HasWorkItem && !i.HasCycle))
        {
            yield return new Finding(IdeaNobodyWorksOn, i.Title,
                $"No one is working on \"{i.Title}\": no work item carries it and no PDSA cycle tests it, so the idea is only an intention.",
                $"/pdsa/ideas/{i.Id}", CheckState.Failed);
        }
    }
}
