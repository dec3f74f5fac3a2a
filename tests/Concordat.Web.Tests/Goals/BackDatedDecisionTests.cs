using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Core.Words;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Goals;

/// <summary>
/// Decisions dated as they were taken, for a strategy agreed before Concordat: a lead records a position taken on a
/// past day, a convenor records one only on a named lead's written confirmation, and a forum's decision says when it
/// was recorded. Every one is attributed and audited.
/// </summary>
public abstract class BackDatedDecisionTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static string Today => Prose.Date(DateOnly.FromDateTime(DateTime.UtcNow));

    private static async Task<HttpResponseMessage> PositionAsync(HttpClient client, TestSystem system, Guid roundId, object body) =>
        await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}/positions", body, Ct);

    private static JsonNode Response(JsonNode round, Guid organisationId) =>
        round["positions"]!.AsArray().Single(p => p!["organisationId"]!.GetValue<string>() == organisationId.ToString())!;

    private async Task<(HttpClient Convenor, Guid GoalId, Guid RoundId)> OpenAsync(TestSystem system)
    {
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (roundId, _) = await GoalApi.OpenAsync(convenor, system, goalId);
        return (convenor, goalId, roundId);
    }

    [Fact]
    public async Task Lead_RecordsAPositionTakenOnAPastDay_AttributedToThemAndAudited()
    {
        var system = await App.CreateSystemAsync();
        var (_, goalId, roundId) = await OpenAsync(system);
        var lead = await ApiClient.ForAsync(App, system.TrustLead);

        var response = await PositionAsync(lead, system, roundId, new { organisationId = system.TrustId, position = "Consent", takenOn = "2023-03-03" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trust = Response(await response.JsonAsync(), system.TrustId);
        Assert.Equal("2023-03-03", trust["takenOn"]!.GetValue<string>());
        Assert.Null(trust["confirmedBy"]);
        Assert.Equal($"Recorded by {system.TrustLead.Name} on {Today}", trust["attribution"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "PositionRecorded" && e.EntityId == goalId, Ct);
        Assert.Equal(system.TrustLead.Id, audit.ActorPersonId);
        Assert.Contains("3 March 2023", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convenor_OnALeadsWrittenConfirmation_RecordsIt_NamingBoth_AndTheHistorySaysSo()
    {
        var system = await App.CreateSystemAsync();
        var (convenor, goalId, roundId) = await OpenAsync(system);

        var response = await PositionAsync(convenor, system, roundId, new
        {
            organisationId = system.CouncilId, position = "Consent", takenOn = "2023-03-03",
            confirmedByPersonId = system.CouncilLead.Id, confirmation = "email of 3 March 2023",
        });
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var council = Response(await response.JsonAsync(), system.CouncilId);
        var attribution = $"Recorded by {system.Convenor.Name} on {Today}, on the written confirmation of {system.CouncilLead.Name} (email of 3 March 2023)";
        Assert.Equal(attribution, council["attribution"]!.GetValue<string>());
        Assert.Equal(system.CouncilLead.Id.ToString(), council["confirmedByPersonId"]!.GetValue<string>());
        Assert.Contains(attribution, page.Text("main"));
        Assert.Contains("Taken on 3 March 2023", page.Text("main"));
        Assert.Contains("Position recorded on Fewer emergency admissions of frail older people on a lead's written confirmation", page.Text("main"));
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.Action == "PositionRecordedOnConfirmation" && e.EntityId == goalId, Ct);
        Assert.Equal(system.Convenor.Id, audit.ActorPersonId);
        Assert.Contains($"{system.CouncilLead.Name} (email of 3 March 2023)", audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convenor_WithoutNamingALead_IsRefused_AndNothingIsRecorded()
    {
        var system = await App.CreateSystemAsync();
        var (convenor, _, roundId) = await OpenAsync(system);

        var bare = await PositionAsync(convenor, system, roundId, new { organisationId = system.CouncilId, position = "Consent" });
        var noLead = await PositionAsync(convenor, system, roundId, new { organisationId = system.CouncilId, position = "Consent", confirmation = "email of 3 March 2023" });
        var noConfirmation = await PositionAsync(convenor, system, roundId, new { organisationId = system.CouncilId, position = "Consent", confirmedByPersonId = system.CouncilLead.Id });

        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noLead.StatusCode);
        Assert.Equal("Select the lead of the organisation whose written confirmation this is",
            (await noLead.JsonAsync())["errors"]!["ConfirmedByPersonId"]![0]!.GetValue<string>());
        Assert.Equal("Enter the lead's written confirmation, for example email of 3 March 2023",
            (await noConfirmation.JsonAsync())["errors"]!["Confirmation"]![0]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Positions.AnyAsync(p => p.RoundId == roundId, Ct));
    }

    [Fact]
    public async Task Convenor_NamingSomeoneWhoDoesNotLeadTheOrganisation_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var (convenor, _, roundId) = await OpenAsync(system);

        // The council's contributor is of the organisation but not a lead; the trust's lead leads another organisation.
        foreach (var person in new[] { system.CouncilContributor, system.TrustLead, system.Convenor })
        {
            var response = await PositionAsync(convenor, system, roundId, new
            {
                organisationId = system.CouncilId, position = "Consent", confirmedByPersonId = person.Id, confirmation = "email of 3 March 2023",
            });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Select a lead of the organisation: only its leads can confirm its position",
                (await response.JsonAsync())["errors"]!["ConfirmedByPersonId"]![0]!.GetValue<string>());
        }
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Positions.AnyAsync(p => p.RoundId == roundId, Ct));
    }

    [Fact]
    public async Task APositionTakenOnAFutureDay_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var (convenor, _, roundId) = await OpenAsync(system);
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byLead = await PositionAsync(await ApiClient.ForAsync(App, system.TrustLead), system, roundId,
            new { organisationId = system.TrustId, position = "Consent", takenOn = tomorrow });
        var byConvenor = await PositionAsync(convenor, system, roundId, new
        {
            organisationId = system.CouncilId, position = "Consent", takenOn = tomorrow, confirmedByPersonId = system.CouncilLead.Id, confirmation = "letter",
        });

        foreach (var response in new[] { byLead, byConvenor })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("The day the position was taken must be today or in the past", (await response.JsonAsync())["errors"]!["TakenOn"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Pages_ALeadBackDatesTheirOwn_AConvenorRecordsOnConfirmation_AndOnlyConvenorsGetThatForm()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        // The ICB is asked too and has not answered, so the round stays open and its positions stay on the goal's page.
        var (roundId, _) = await GoalApi.OpenAsync(await ApiClient.ForAsync(App, system.Convenor), system, goalId, new
        {
            kind = "Adopt", closesOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            requiredOrganisationIds = new[] { system.TrustId, system.CouncilId, system.IcbId },
        });
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var convenor = await PageClient.SignedInAsync(App, system.Convenor);
        var confirmedUrl = $"/systems/{system.Id}/goals/{goalId}/rounds/{roundId}/confirmed-position";

        var own = await (await lead.GetAsync($"/systems/{system.Id}/goals/{goalId}/rounds/{roundId}/position"))
            .SubmitAsync("main form", new() { ["Input.Kind"] = "Consent", ["Input.TakenOn"] = new DateOnly(2023, 2, 1) });
        var leadAsksForTheConvenorsForm = await lead.GetAsync(confirmedUrl);
        var form = await convenor.GetAsync(confirmedUrl);
        var noLead = await form.SubmitAsync("main form", new()
        {
            ["Input.OrganisationId"] = system.CouncilId.ToString(), ["Input.Kind"] = "Consent", ["Input.Confirmation"] = "email of 3 March 2023",
        });
        var saved = await form.SubmitAsync("main form", new()
        {
            ["Input.OrganisationId"] = system.CouncilId.ToString(), ["Input.Kind"] = "Consent", ["Input.Confirmation"] = "email of 3 March 2023",
            ["Input.ConfirmedByPersonId"] = system.CouncilLead.Id.ToString(), ["Input.TakenOn"] = new DateOnly(2023, 3, 3),
        });
        var goalPage = await convenor.GetAsync($"/systems/{system.Id}/goals/{goalId}");
        var formAfter = await convenor.GetAsync(confirmedUrl);

        Assert.Equal(HttpStatusCode.Redirect, own.Status);
        Assert.Equal(HttpStatusCode.Forbidden, leadAsksForTheConvenorsForm.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noLead.Status);
        Assert.Equal(["Select the lead of the organisation whose written confirmation this is"], noLead.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Taken on 1 February 2023", goalPage.Text("main"));
        // Organisations that have a position are no longer offered: a recorded position is changed by its own leads.
        Assert.Equal(["", system.IcbId.ToString()], formAfter.Document.QuerySelectorAll("select[name='Input.OrganisationId'] option").Select(o => o.GetAttribute("value")));
        Assert.Contains($"Recorded by {system.Convenor.Name} on {Today}, on the written confirmation of {system.CouncilLead.Name} (email of 3 March 2023)",
            goalPage.Text("main"));
    }

    [Fact]
    public async Task ARoundsDecision_SaysTheForumAndDayItWasTaken_AndTheDayItWasRecorded()
    {
        var system = await App.CreateSystemAsync();
        var (convenor, goalId, roundId) = await OpenAsync(system);
        var forum = await (await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/forums", new
        {
            name = "Westford Integrated Care Partnership", kind = "IntegratedCarePartnership", memberOrganisationIds = new[] { system.CouncilId, system.IcbId },
        }, Ct)).JsonAsync();
        Assert.True((await PositionAsync(await ApiClient.ForAsync(App, system.TrustLead), system, roundId,
            new { organisationId = system.TrustId, position = "Consent", takenOn = "2022-12-01" })).IsSuccessStatusCode);
        Assert.True((await PositionAsync(convenor, system, roundId, new
        {
            organisationId = system.CouncilId, position = "Consent", takenOn = "2022-12-05", confirmedByPersonId = system.CouncilLead.Id, confirmation = "letter of 5 December 2022",
        })).IsSuccessStatusCode);
        var etag = (await convenor.GetAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}", Ct)).Headers.ETag!.ToString();

        var recorded = await convenor.PutJsonAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}/decision", new { forumId = forum["id"], on = "2022-12-14" }, etag);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/goals/{goalId}");

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var round = await recorded.JsonAsync();
        var decision = $"agreed by Westford Integrated Care Partnership on 14 December 2022, recorded on {Today}";
        Assert.Equal(decision, round["decision"]!.GetValue<string>());
        Assert.NotNull(round["decisionRecordedAtUtc"]);
        Assert.Contains(decision, page.Text("main"));
    }
}

public sealed class BackDatedDecisionSqliteTests(SqliteApp app) : BackDatedDecisionTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class BackDatedDecisionPostgresTests(PostgresApp app) : BackDatedDecisionTests(app, DatabaseKind.Postgres);
