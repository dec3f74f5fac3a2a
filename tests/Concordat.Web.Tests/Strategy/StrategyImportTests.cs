using System.Net;
using System.Text;
using Concordat.Core.Goals;
using Concordat.Core.Partnerships;
using Concordat.Core.TheoryOfChange;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Strategy;

/// <summary><c>POST /strategy/import</c>: the documented example loads whole, and a file with problems loads nothing and names each one.</summary>
public abstract class StrategyImportTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    /// <summary>The example in docs/, with its ICB named as the test system's, the organisation the convenor acts for.</summary>
    private static string Example => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "strategy-example.yaml"))
        .Replace("NHS Riverbrook and Fellside Integrated Care Board", "Test ICB", StringComparison.Ordinal);

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static string Url(TestSystem system) => $"/api/v1/systems/{system.Id}/strategy/import";

    /// <summary>
    /// A convenor acts for no organisation, so defines no measure; the ICB's lead hands its measures to them, as a partner
    /// hands work to the programme office, and the import then defines the ICB's measures.
    /// </summary>
    private async Task<TestSystem> SystemWhoseIcbDelegatedItsMeasuresAsync()
    {
        var system = await App.CreateSystemAsync();
        await using var scope = App.Database(system.Id);
        scope.Db.Delegations.Add(new Delegation
        {
            SystemId = system.Id, OrganisationId = system.IcbId, Capability = DelegatedCapability.MeasureData, DelegatePersonId = system.Convenor.Id,
            Until = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), GrantedByName = "Test ICB's lead", GrantedAtUtc = DateTime.UtcNow,
        });
        await scope.Db.SaveChangesAsync(Ct);
        return system;
    }

    [Fact]
    public async Task Import_TheDocumentedExample_AddsEveryEntry_LinkedAndAudited()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);

        var response = await client.PostAsync(Url(system), Yaml(Example), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var added = await response.JsonAsync();
        Assert.Equal("places=2 partners=5 forums=2 ambitions=2 measures=2 observations=9 goals=2 drivers=7 changeIdeas=1 sharedPriorities=1 narrative=true",
            string.Join(' ', added.AsObject().Select(p => $"{p.Key}={p.Value!.ToJsonString()}")));
        await using var scope = App.Database(system.Id);
        var falls = await scope.Db.Goals.SingleAsync(g => g.Title == "Fewer older people harmed by falls", Ct);
        var trust = await scope.Db.Organisations.SingleAsync(o => o.Name == "Riverbrook Hospitals NHS Foundation Trust", Ct);
        Assert.Equal(trust.Id, falls.LeadOrganisationId);
        Assert.Equal(GoalStatus.Draft, falls.Status);
        var measure = await scope.Db.Measures.SingleAsync(m => m.Name == "Emergency admissions of people aged 65 and over after a fall", Ct);
        Assert.Equal(system.IcbId, measure.OwnerOrganisationId);
        Assert.True(await scope.Db.GoalMeasures.AnyAsync(l => l.GoalId == falls.Id && l.MeasureId == measure.Id, Ct));
        Assert.Equal(6, await scope.Db.Observations.CountAsync(o => o.MeasureId == measure.Id, Ct));
        Assert.Equal(new DateOnly(2018, 4, 1), await scope.Db.Observations.Where(o => o.MeasureId == measure.Id).MinAsync(o => o.PeriodStart, Ct));
        Assert.False((await scope.Db.Organisations.SingleAsync(o => o.Name == "University of Riverbrook", Ct)).IsPartner);
        Assert.Equal("1099999", (await scope.Db.Organisations.SingleAsync(o => o.Name == "Fellside Community Action", Ct)).CharityNumber);
        var idea = await scope.Db.ChangeIdeas.SingleAsync(Ct);
        Assert.Equal(falls.Id, idea.GoalId);
        Assert.Equal("Practice nurses", idea.WhoseBehaviour);
        Assert.Equal(3, await scope.Db.Drivers.CountAsync(d => d.GoalId == falls.Id && d.Level == DriverLevel.Primary, Ct));
        var school = await scope.Db.Goals.SingleAsync(g => g.Title == "Every child ready for school", Ct);
        Assert.Equal(["Age well", "Start well"], await scope.Db.Ambitions.Where(a => a.Id == falls.AmbitionId || a.Id == school.AmbitionId).Select(a => a.Title).OrderBy(t => t).ToListAsync(Ct));
        Assert.Equal("Riverbrook and Fellside Integrated Care Partnership", await scope.Db.Forums.Where(f => f.Id == falls.OwningForumId).Select(f => f.Name).SingleAsync(Ct));
        Assert.Equal(2, await scope.Db.GoalJointOwners.CountAsync(o => o.GoalId == falls.Id, Ct));
        // The community hubs priority is entered once, under falls, and serves the school readiness goal too.
        var hubs = await scope.Db.Drivers.SingleAsync(d => d.Title == "Community hubs in every neighbourhood", Ct);
        Assert.Equal(falls.Id, hubs.GoalId);
        Assert.True(await scope.Db.DriverShares.AnyAsync(s => s.DriverId == hubs.Id && s.GoalId == school.Id, Ct));
        Assert.Contains("410,000 people", (await scope.Db.StrategyNarratives.SingleAsync(Ct)).Context);
        Assert.Equal(2, await scope.Db.RelatedDocuments.CountAsync(Ct));
        // Each entry is audited as the convenor's own act, as the form would record it.
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "GoalDrafted" && e.EntityId == falls.Id && e.ActorPersonId == system.Convenor.Id, Ct));
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "MeasureDefined" && e.EntityId == measure.Id, Ct));
    }

    [Fact]
    public async Task Import_WithProblems_AddsNothing_AndNamesEveryEntryAndField()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        await using (var before = App.Database(system.Id))
        {
            Assert.Equal(0, await before.Db.Goals.CountAsync(Ct));
        }
        var broken = Example
            .Replace("    type: Vcse", "    type: Hospital", StringComparison.Ordinal)
            .Replace("{ period: 2020/21, value: 1987 }", "{ period: 2020/22, value: 1987 }", StringComparison.Ordinal)
            .Replace("horizon: 2028-09-30", "horizon: 30/09/2028", StringComparison.Ordinal)
            .Replace("    outcome: By March 2029, emergency admissions after a fall among people aged 65 and over in Riverbrook and Fellside fall to 1,900 per 100,000.\n",
                "", StringComparison.Ordinal);

        var response = await client.PostAsync(Url(system), Yaml(broken), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.Equal("'Hospital' is not one of the choices for type: " + string.Join(", ", Enum.GetNames<Concordat.Core.Partnerships.OrganisationType>()),
            errors["partners[4].type"]![0]!.GetValue<string>());
        Assert.StartsWith("The period \"2020/22\" is not a financial year", errors["measures[0].data[2].period"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Cannot read '30/09/2028' as a date: write it like 2030-03-31", errors["goals[1].horizon"]![0]!.GetValue<string>());
        // The same words as the goal form, under the entry's own field name.
        Assert.Equal("Enter the outcome: who, what improves, by when", errors["goals[0].outcome"]![0]!.GetValue<string>());
        // The charity failed, so the forum it is a member of is not reported again as naming an unknown partner.
        Assert.DoesNotContain("forums[0].members", errors.Select(e => e.Key));
        Assert.Equal(4, errors.Count);
        await using var scope = App.Database(system.Id);
        Assert.Equal(0, await scope.Db.Goals.CountAsync(Ct));
        Assert.Equal(0, await scope.Db.Measures.CountAsync(Ct));
        Assert.Equal(1, await scope.Db.Places.CountAsync(Ct));
        Assert.Equal(3, await scope.Db.Organisations.CountAsync(Ct));
        Assert.False(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "PlaceAdded" || e.Action == "OrganisationAdded", Ct));
    }

    [Fact]
    public async Task Import_AChangeIdeaWithItsWholeDiagnosis_ShowsEveryFieldInTheDriverDiagram()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        // The functions stay a list of names and words, as the example writes them; the levers are joined by ", " as the API writes them.
        var file = Example.Replace("levers: [Guidelines, ServiceProvision]", "levers: Guidelines, ServiceProvision", StringComparison.Ordinal);

        var response = await client.PostAsync(Url(system), Yaml(file), Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        Guid falls;
        await using (var scope = App.Database(system.Id))
        {
            falls = await scope.Db.Goals.Where(g => g.Title == "Fewer older people harmed by falls").Select(g => g.Id).SingleAsync(Ct);
        }
        var diagram = await (await client.GetAsync($"/api/v1/systems/{system.Id}/goals/{falls}/driver-diagram", Ct)).JsonAsync();
        var idea = Assert.Single(diagram["changeIdeas"]!.AsArray())!;
        Assert.Equal("Ask every person over 65 about falls at their annual review", idea["title"]!.GetValue<string>());
        Assert.Equal("Practice nurses", idea["whoseBehaviour"]!.GetValue<string>());
        Assert.Equal("Ask the falls screening question and refer to strength and balance classes", idea["whatDifferently"]!.GetValue<string>());
        Assert.Equal("Few nurses have practised the timed up and go test, so they leave it out", idea["physicalCapability"]!.GetValue<string>());
        Assert.Equal("Nurses do not know which classes take referrals or who qualifies for them", idea["psychologicalCapability"]!.GetValue<string>());
        Assert.Equal("The annual review template has no falls question and the appointment is 15 minutes", idea["physicalOpportunity"]!.GetValue<string>());
        Assert.Equal("Falls are seen as a hospital matter, not something practices ask about", idea["socialOpportunity"]!.GetValue<string>());
        Assert.Equal("Nurses doubt that a referral leads to a class place within the month", idea["reflectiveMotivation"]!.GetValue<string>());
        Assert.Equal("Asking about falls is not yet a habit at the review", idea["automaticMotivation"]!.GetValue<string>());
        Assert.True(idea["hasDiagnosis"]!.GetValue<bool>());
        Assert.Equal("Training, EnvironmentalRestructuring, Enablement", idea["functions"]!.GetValue<string>());
        Assert.Equal("Guidelines, ServiceProvision", idea["levers"]!.GetValue<string>());
        Assert.Equal("The local enhanced service for annual reviews; the Riverbrook and Fellside falls pathway", idea["leverDetails"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_AChangeIdeaWithAnUnknownLever_AddsNothing_AndNamesTheValue_TheChoices_AndEveryOtherProblemOfTheIdea()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        var file = Example
            .Replace("levers: [Guidelines, ServiceProvision]", "levers: [Guidelines, Bribery]", StringComparison.Ordinal)
            .Replace("physicalCapability: Few nurses", "physicalCapability: " + new string('x', 1000) + " Few nurses", StringComparison.Ordinal);

        var response = await client.PostAsync(Url(system), Yaml(file), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        const string idea = "goals[0].drivers[0].secondary[0].changeIdeas[0]";
        Assert.Equal("'Bribery' is not one of the choices for levers: CommunicationMarketing, Guidelines, FiscalMeasures, Regulation, Legislation, EnvironmentalSocialPlanning, ServiceProvision",
            errors[$"{idea}.levers"]![0]!.GetValue<string>());
        // The same words as the change idea form.
        Assert.Equal("Physical capability must be 1000 characters or fewer", errors[$"{idea}.physicalCapability"]![0]!.GetValue<string>());
        Assert.Equal(2, errors.Count);
        await using var scope = App.Database(system.Id);
        Assert.Equal(0, await scope.Db.ChangeIdeas.CountAsync(Ct));
        Assert.Equal(0, await scope.Db.Drivers.CountAsync(Ct));
        Assert.Equal(0, await scope.Db.Goals.CountAsync(Ct));
        Assert.Equal(3, await scope.Db.Organisations.CountAsync(Ct));
        Assert.False(await scope.Db.AuditEvents.AnyAsync(e => e.Action == "ChangeIdeaAdded" || e.Action == "GoalDrafted", Ct));
    }

    [Fact]
    public async Task Import_TheSameFileTwice_RefusesTheGoalsAndMeasuresAlreadyThere_AndAddsNothingMore()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Url(system), Yaml(Example), Ct)).StatusCode);

        var again = await client.PostAsync(Url(system), Yaml(Example), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var errors = (await again.JsonAsync())["errors"]!.AsObject();
        Assert.StartsWith("There is already a goal called Fewer older people harmed by falls", errors["goals[0].title"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("There is already a measure called", errors["measures[1].name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await using var scope = App.Database(system.Id);
        Assert.Equal(2, await scope.Db.Goals.CountAsync(Ct));
        Assert.Equal(3, await scope.Db.Places.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_AMeasureOfAPartnerTheConvenorDoesNotActFor_IsRefused_TheDataIsThePartnersToDefine()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        var file = Example.Replace("    owner: Test ICB\n    place: Fellside", "    owner: Fellside Council\n    place: Fellside", StringComparison.Ordinal);

        var response = await client.PostAsync(Url(system), Yaml(file), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync())["errors"]!.AsObject();
        Assert.StartsWith("Only a lead of the organisation that owns the data", errors["measures[1]"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(errors);
        await using var scope = App.Database(system.Id);
        Assert.Equal(0, await scope.Db.Measures.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_AsJson_Works_AndUnreadableFilesSayWhere()
    {
        var system = await App.CreateSystemAsync();
        var client = await ApiClient.ForAsync(App, system.Convenor);
        const string json = """
            { "goals": [ { "title": "Warmer homes", "outcome": "By 2030 no one in Westford lives in a cold home.", "population": "Households in fuel poverty",
              "wholeSystem": true, "horizon": "2030-03-31", "lead": "Westford Council",
              "seniorResponsibleOwner": "Director of Public Health" } ] }
            """;

        var imported = await client.PostAsync(Url(system), new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        var misspelt = await client.PostAsync(Url(system), Yaml("goals:\n  - titel: Warmer homes\n"), Ct);
        var broken = await client.PostAsync(Url(system), Yaml("goals:\n  - title: [unclosed\n"), Ct);
        var csv = await client.PostAsync(Url(system), new StringContent("title\nWarmer homes", Encoding.UTF8, "text/csv"), Ct);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, (await imported.JsonAsync())["goals"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.StatusCode);
        Assert.Equal("Line 2, column 5: 'titel' is not a field of a goal (check its spelling against docs/strategy-import.md).",
            (await misspelt.JsonAsync())["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.StartsWith("Line ", (await broken.JsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, csv.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal(system.CouncilId, (await scope.Db.Goals.SingleAsync(Ct)).LeadOrganisationId);
    }

    [Fact]
    public async Task ImportPage_ListsEveryProblemInTheErrorSummary_ThenImportsTheCorrectedFile()
    {
        var system = await SystemWhoseIcbDelegatedItsMeasuresAsync();
        var form = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/strategy/import");
        const string upload = "form[enctype='multipart/form-data']";
        var broken = Example.Replace("horizon: 2029-03-31", "horizon: 2029", StringComparison.Ordinal).Replace("    lead: Fellside Council\n", "", StringComparison.Ordinal);

        var none = await form.SubmitFileAsync(upload, "StrategyFile", null);
        var wrong = await form.SubmitFileAsync(upload, "StrategyFile", ("strategy.yaml", Encoding.UTF8.GetBytes(broken)));
        var right = await form.SubmitFileAsync(upload, "StrategyFile", ("strategy.yaml", Encoding.UTF8.GetBytes(Example)));

        Assert.Equal(["Select a YAML or JSON file"], none.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["The file has 2 problems. Nothing has been imported: correct the file and upload it again.",
            "goals[0].horizon: Cannot read '2029' as a date: write it like 2030-03-31",
            "goals[1].lead: Select the lead organisation, or the forum or organisations that own the goal"], wrong.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, right.Status);
        Assert.Equal($"/systems/{system.Id}/goals", right.Location);
        var goals = await right.FollowAsync();
        Assert.Contains("Imported 2 goals (as drafts) under 2 new ambitions, 2 measures with 9 values, 5 partners, 2 places, 2 forums, 7 drivers (1 priority shared with another goal) and 1 change idea, and the strategy's own words", goals.Text("main"));
        Assert.Contains("Fewer older people harmed by falls", goals.Text("main"));
    }

    [Fact]
    public async Task ImportPage_IsForConvenorsOnly()
    {
        var system = await App.CreateSystemAsync();

        var lead = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/strategy/import");

        Assert.Equal(HttpStatusCode.Forbidden, lead.Status);
    }

    [Fact]
    public async Task Import_AsLeadOrViewer_IsForbiddenBeforeTheFileIsRead()
    {
        var system = await App.CreateSystemAsync();
        foreach (var person in new[] { system.TrustLead, system.Viewer })
        {
            var client = await ApiClient.ForAsync(App, person);

            var response = await client.PostAsync(Url(system), Yaml("not: [a strategy"), Ct);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}

public sealed class StrategyImportSqliteTests(SqliteApp app) : StrategyImportTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class StrategyImportPostgresTests(PostgresApp app) : StrategyImportTests(app, DatabaseKind.Postgres);
