using Concordat.Core.Strategy;

namespace Concordat.Core.Tests.Strategy;

/// <summary>The comparison of two strategy documents, built by hand so each difference is known.</summary>
public sealed class StrategyComparisonTests
{
    private static readonly Guid Frailty = Guid.NewGuid();
    private static readonly Guid Falls = Guid.NewGuid();
    private static readonly Guid Trust = Guid.NewGuid();
    private static readonly Guid Admissions = Guid.NewGuid();

    private static DocumentGoal Goal(Guid id, string title) => new(id, title, "Fewer frail older people are admitted to hospital in an emergency",
        "People over 75", "System", "Agreed", "agreed by 4 of 4", "Northshire Community Trust", new DateOnly(2028, 3, 31),
        [new DocumentDriver("Timely discharge", [new DocumentSecondary("Discharge to assess", ["Home first"])])],
        [new DocumentChangeIdea("Home first", "Ward discharge teams", "Discharge to assess at home", ["psychological capability: unsure of the pathway"], "Training",
            "ServiceProvision", ["Northshire Community Trust"])],
        [new DocumentContribution(Trust, "Northshire Community Trust", "Run a virtual ward of 40 beds", "Agreed", ["12 WTE of Community nurses"])],
        [new DocumentMeasure(Admissions, "Emergency admissions over 75", "412 per month", new DateOnly(2026, 9, 1), "common_cause", "inconsistent",
            "Common cause variation", false, false)],
        9, 12, 0);

    private static StrategyDocument Document(params DocumentGoal[] goals) => new("Northshire", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), goals,
        [new DocumentResource("Workforce", "WTE", 40, 12, 28)], [new DocumentFund("Better Care Fund", "2026/27", 21_000_000_00, 20_500_000_00)]);

    [Fact]
    public void TheSameDocument_HasNoChanges()
    {
        var comparison = StrategyComparison.Between("Version 1", Document(Goal(Frailty, "Frailty")), "Today", Document(Goal(Frailty, "Frailty")));

        Assert.False(comparison.HasChanges);
        Assert.Empty(comparison.Goals);
    }

    [Fact]
    public void GoalsAddedAndRemoved_AreListed()
    {
        var comparison = StrategyComparison.Between("Version 1", Document(Goal(Frailty, "Frailty")), "Version 2", Document(Goal(Falls, "Fewer falls")));

        Assert.Equal([("Fewer falls", ChangeKind.Added), ("Frailty", ChangeKind.Removed)], comparison.Goals.Select(g => (g.Title, g.Change)));
    }

    [Fact]
    public void AReworkedGoal_ShowsItsWordsChanged_AndEveryPartThatMoved()
    {
        var before = Goal(Frailty, "Frailty");
        var after = before with
        {
            Outcome = "Fewer older people living with frailty are admitted to hospital in an emergency",
            ChecksPassed = 10,
            ChecksPendingAgreement = 1,
            Drivers = [.. before.Drivers, new DocumentDriver("Proactive care", [])],
            Contributions = [before.Contributions[0] with { Commitment = "Run a virtual ward of 60 beds", Status = "Varied" }],
            Measures = [before.Measures[0] with
            {
                Latest = "380 per month", LatestPeriod = new DateOnly(2026, 10, 1), VariationIcon = "improvement_low", AssuranceIcon = "consistent_pass",
                Reading = "Special cause variation: improvement",
            }],
        };

        var goal = Assert.Single(StrategyComparison.Between("Version 1", Document(before), "Today", Document(after)).Goals);

        Assert.Equal(ChangeKind.Changed, goal.Change);
        var outcome = Assert.Single(goal.Fields, f => f.Field == "Outcome");
        Assert.Equal(before.Outcome, string.Concat(outcome.Words!.Where(w => w.Change != WordChange.Added).Select(w => w.Text)));
        Assert.Equal(after.Outcome, string.Concat(outcome.Words!.Where(w => w.Change != WordChange.Removed).Select(w => w.Text)));
        Assert.Equal(["frail"], outcome.Words!.Where(w => w.Change == WordChange.Removed).Select(w => w.Text.Trim()));
        Assert.Equal(["living with frailty"], outcome.Words!.Where(w => w.Change == WordChange.Added).Select(w => w.Text.Trim()));
        Assert.Equal(("9 of 12 checks pass", "10 of 12 checks pass, 1 pending agreement"), goal.Fields.Where(f => f.Field == "Health check").Select(f => (f.Before, f.After)).Single());
        Assert.Equal([("Proactive care", ChangeKind.Added)], goal.Drivers.Select(d => (d.Name, d.Change)));
        var contribution = Assert.Single(goal.Contributions);
        Assert.Equal(["Commitment", "Status"], contribution.Fields.Select(f => f.Field));
        Assert.Equal(["40"], contribution.Fields[0].Words!.Where(w => w.Change == WordChange.Removed).Select(w => w.Text.Trim()));
        var measure = Assert.Single(goal.Measures);
        Assert.Equal([("Latest", "412 per month (September 2026)", "380 per month (October 2026)"),
                ("Variation", "Common cause variation", "Special cause variation: improvement"), ("Assurance", "Target hit and miss", "Target consistently met")],
            measure.Fields.Select(f => (f.Field, f.Before, f.After)));
        Assert.Empty(goal.ChangeIdeas);
    }

    [Fact]
    public void ResourcesAndPooledFundsThatMoved_AreListed()
    {
        var before = Document(Goal(Frailty, "Frailty"));
        var after = before with
        {
            Resources = [before.Resources[0] with { Committed = 20, Idle = 20 }, new DocumentResource("Estates", "m²", 150, 0, 150)],
            PooledFunds = [],
        };

        var comparison = StrategyComparison.Between("Version 1", before, "Today", after);

        Assert.Empty(comparison.Goals);
        Assert.Equal([("Workforce (WTE)", ChangeKind.Changed), ("Estates (m²)", ChangeKind.Added)], comparison.Resources.Select(r => (r.Name, r.Change)));
        Assert.Equal(["Committed", "Idle"], comparison.Resources[0].Fields.Select(f => f.Field));
        Assert.Equal([("Better Care Fund (2026/27)", ChangeKind.Removed)], comparison.PooledFunds.Select(f => (f.Name, f.Change)));
    }

    [Fact]
    public void AContributionFromAVersionWithoutIds_IsMatchedByOrganisationAndCommitment()
    {
        var today = Goal(Frailty, "Frailty");
        var old = today with { Contributions = [today.Contributions[0] with { Id = Guid.Empty }] };

        Assert.False(StrategyComparison.Between("Version 1", Document(old), "Today", Document(today)).HasChanges);
        var withdrawn = StrategyComparison.Between("Version 1", Document(old), "Today", Document(today with { Contributions = [] }));
        Assert.Equal([("Northshire Community Trust", ChangeKind.Removed)], withdrawn.Goals.Single().Contributions.Select(c => (c.Name, c.Change)));
    }

    [Fact]
    public void AsMarkdown_RemovedWordsAreStruckThrough_AddedWordsAreBold_AndItemsAreListedUnderTheirGoal()
    {
        var before = Goal(Frailty, "Frailty");
        var after = before with
        {
            Outcome = "Fewer older people living with frailty are admitted to hospital in an emergency",
            Drivers = [.. before.Drivers, new DocumentDriver("Proactive care", [])],
        };

        var markdown = StrategyComparison.Between("Version 1", Document(before), "today", Document(after)).ToMarkdown();
        var same = StrategyComparison.Between("Version 1", Document(before), "today", Document(before)).ToMarkdown();

        Assert.StartsWith("# What changed in the strategy: Version 1 compared with today", markdown, StringComparison.Ordinal);
        Assert.Contains("### Changed: Frailty", markdown, StringComparison.Ordinal);
        Assert.Contains("- Outcome: Fewer ~~frail~~ older people **living with frailty** are admitted", markdown, StringComparison.Ordinal);
        Assert.Contains("- Added: Proactive care", markdown, StringComparison.Ordinal);
        Assert.Contains("Nothing has changed", same, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeIdeaMovedToAnotherDriver_IsChanged_ButTheSameListsInAnotherOrderAreNot()
    {
        var before = Goal(Frailty, "Frailty");
        before = before with { ChangeIdeas = [before.ChangeIdeas[0] with { CarriedBy = ["Northshire Community Trust", "Northshire County Council"] }] };
        var reordered = before with { ChangeIdeas = [before.ChangeIdeas[0] with { CarriedBy = ["Northshire County Council", "Northshire Community Trust"] }] };
        var moved = before with
        {
            Drivers = [new DocumentDriver("Timely discharge", [new DocumentSecondary("Discharge to assess", []), new DocumentSecondary("Reablement", ["Home first"])])],
        };

        var unchanged = StrategyComparison.Between("Version 1", Document(before), "Version 2", Document(reordered));
        var change = StrategyComparison.Between("Version 1", Document(before), "Version 2", Document(moved)).Goals.Single();

        Assert.False(unchanged.HasChanges);
        Assert.Equal(("Home first", "Discharge to assess", "Reablement"),
            change.ChangeIdeas.SelectMany(i => i.Fields.Select(f => (i.Name, f.Before, f.After))).Single());
    }

    [Fact]
    public void ASecondItemWithTheSameName_IsReportedAsAdded()
    {
        var before = Goal(Frailty, "Frailty");
        var after = before with { Drivers = [.. before.Drivers, new DocumentDriver("Timely discharge", [])] };

        var change = StrategyComparison.Between("Version 1", Document(before), "Version 2", Document(after)).Goals.Single();

        Assert.Equal([("Timely discharge", ChangeKind.Added)], change.Drivers.Select(d => (d.Name, d.Change)));
    }

    [Theory]
    [InlineData("", "A new outcome")]
    [InlineData("An old outcome", "")]
    [InlineData("Same words, new order", "New order, same words")]
    public void WordDifference_RebuildsBothTexts(string before, string after)
    {
        var words = StrategyComparison.WordDifference(before, after);

        Assert.Equal(before, string.Concat(words.Where(w => w.Change != WordChange.Added).Select(w => w.Text)));
        Assert.Equal(after, string.Concat(words.Where(w => w.Change != WordChange.Removed).Select(w => w.Text)));
        Assert.Contains(words, w => w.Change != WordChange.Same);
    }

    [Fact]
    public void OwnersLensAndPerspectives_AreComparedOnlyWhereBothVersionsRecordThem()
    {
        var old = Goal(Frailty, "Frailty");
        var recorded = old with
        {
            RecordsOwnersAndPerspectives = true, InequalityLens = "Core20PLUS5", OwningForum = "Northshire ICP", SeniorResponsibleOwner = "Rachel Owusu",
            Perspectives = [new DocumentPerspective("Northshire County Council", "Fewer people losing independence", null, null)],
        };
        var changed = recorded with
        {
            JointOwners = ["University of Northshire"],
            Perspectives = [new DocumentPerspective("Northshire County Council", "Fewer older people losing independence", null, "Home care capacity")],
        };

        var fromOld = StrategyComparison.Between("Version 1", Document(old), "Version 2", Document(recorded));
        var fromRecorded = StrategyComparison.Between("Version 2", Document(recorded), "Today", Document(changed));

        Assert.False(fromOld.HasChanges);
        var fields = Assert.Single(fromRecorded.Goals).Fields;
        Assert.Equal(["Owners", "Northshire County Council: what this goal means for us", "Northshire County Council: what worries us"], fields.Select(f => f.Field));
        Assert.Equal("Owned by Northshire ICP and jointly by University of Northshire; led by Northshire Community Trust, senior responsible owner Rachel Owusu.", fields[0].After);
        Assert.Equal(["older"], fields[1].Words!.Where(w => w.Change == WordChange.Added).Select(w => w.Text.Trim()));
    }

    [Fact]
    public void TheStrategysOwnWords_AreComparedSectionBySection_AndAgainstAVersionWithoutThem()
    {
        var words = new DocumentNarrative("A healthier Northshire.", null, null, null, [new DocumentLink("Joint forward plan", "Plan", "https://example.org/plan")]);
        var reworded = words with { Vision = "A healthier, fairer Northshire.", Documents = [] };

        var added = StrategyComparison.Between("Version 1", Document(Goal(Frailty, "Frailty")), "Version 2", Document(Goal(Frailty, "Frailty")) with { Narrative = words });
        var changed = StrategyComparison.Between("Version 2", Document(Goal(Frailty, "Frailty")) with { Narrative = words }, "Today",
            Document(Goal(Frailty, "Frailty")) with { Narrative = reworded });

        Assert.True(added.HasChanges);
        Assert.Empty(added.Goals);
        Assert.Equal(["Our vision", "Documents this strategy relates to"], added.Narrative.Select(f => f.Field));
        Assert.Equal(["Our vision", "Documents this strategy relates to"], changed.Narrative.Select(f => f.Field));
        Assert.Equal(["fairer"], changed.Narrative[0].Words!.Where(w => w.Change == WordChange.Added).Select(w => w.Text.Trim(' ', ',')));
        Assert.Equal("Joint forward plan: Plan (https://example.org/plan)", changed.Narrative[1].Before);
        Assert.Null(changed.Narrative[1].After);
        Assert.Contains("## The strategy's own words", changed.ToMarkdown(), StringComparison.Ordinal);
    }
}
