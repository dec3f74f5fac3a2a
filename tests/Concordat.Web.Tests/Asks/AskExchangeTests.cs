using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Core.National;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Asks;

/// <summary>
/// An ask's life through the API: the partners agree it, it is submitted, and the system and the body addressed take it
/// in turns, each move a numbered iteration, until it is decided, implemented and its impact reviewed.
/// </summary>
public abstract class AskExchangeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly Guid Region = NationalBody.Standard.Single(b => b.Name == "NHS England North East and Yorkshire").Id;

    private async Task<(TestSystem System, HttpClient Council, string Url)> DraftAsync()
    {
        var system = await App.CreateSystemAsync();
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var created = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/asks", new
        {
            title = "Pool the discharge funding", category = "FinancialFlexibility", nationalBodyId = Region,
            barrier = "Two grants with two sets of conditions.", request = "Let them be pooled for three years.", offer = "One quarterly outcome report.",
            ownerOrganisationId = system.CouncilId,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (system, council, created.Headers.Location!.ToString());
    }

    private static async Task<string> ETagAsync(HttpClient client, string url) => (await client.GetAsync(url)).Headers.ETag!.Tag;

    private static string Error(JsonNode problem, string field) => problem["errors"]![field]![0]!.GetValue<string>();

    /// <summary>
    /// The trust and the council agree the ask, through the API. The ICB has no lead in a test system (its convenor is
    /// not its lead), so the round asks the two partners that have one.
    /// </summary>
    private async Task AgreeAsync(TestSystem system, string url)
    {
        var opened = await (await ApiClient.ForAsync(App, system.CouncilLead)).PostAsJsonAsync($"{url}/rounds",
            new { closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } }, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var round = await opened.JsonAsync();
        var positions = $"{url}/rounds/{round["id"]}/positions";
        Assert.Equal(HttpStatusCode.OK, (await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync(positions,
            new { organisationId = system.TrustId, position = "Consent" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ApiClient.ForAsync(App, system.CouncilLead)).PostAsJsonAsync(positions,
            new { organisationId = system.CouncilId, position = "ConsentWithConcerns", reason = "Report to the health and wellbeing board too." }, Ct)).StatusCode);
    }

    [Fact]
    public async Task TheAsk_IsAgreedSubmittedQuestionedRevisedPartlyAgreedAndImplemented_EachMoveANumberedIteration_AndAudited()
    {
        var (system, council, url) = await DraftAsync();
        var opened = await council.PostAsJsonAsync($"{url}/rounds",
            new { closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } }, Ct);
        var round = await opened.JsonAsync();
        var positions = $"{url}/rounds/{round["id"]}/positions";
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var firstPosition = await (await trust.PostAsJsonAsync(positions, new { organisationId = system.TrustId, position = "Consent" }, Ct)).JsonAsync();
        var stillDraft = await (await council.GetAsync(url, Ct)).JsonAsync();
        var agreed = await (await council.PostAsJsonAsync(positions, new { organisationId = system.CouncilId, position = "Consent" }, Ct)).JsonAsync();
        var afterRound = await (await council.GetAsync(url, Ct)).JsonAsync();

        var submitted = await council.PostJsonAsync($"{url}/submission", new { }, await ETagAsync(council, url));
        var national = await ApiClient.ForAsync(App, await App.CreateNationalPartnerAsync(Region, "Rhys Region"));
        var inboxUrl = $"/api/v1/national/asks/{afterRound["id"]}";
        var question = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Question", text = "Who would host the pooled fund?" },
            await ETagAsync(national, inboxUrl));
        var feedback = await council.PostJsonAsync($"{url}/iterations", new { kind = "Feedback", text = "The council, under the section 75 agreement." },
            await ETagAsync(council, url));
        var partly = await national.PostJsonAsync($"{inboxUrl}/responses", new
        {
            kind = "PartlyAgreed", text = "One quarterly return for both grants, for two years.", conditions = "The return covers delayed discharges.",
        }, await ETagAsync(national, inboxUrl));
        var revised = await council.PostJsonAsync($"{url}/iterations", new
        {
            kind = "RevisedProposal", text = "Two years, as the region offered.", title = "Pool the discharge funding",
            barrier = "Two grants with two sets of conditions.", request = "Let them be pooled for two years.", offer = "One quarterly outcome report.",
        }, await ETagAsync(council, url));
        var agreedNationally = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Agreed", conditions = "The return covers delayed discharges." },
            await ETagAsync(national, inboxUrl));
        var implemented = await council.PutJsonAsync($"{url}/implementation", new { implementedOn = DateOnly.FromDateTime(DateTime.UtcNow) }, await ETagAsync(council, url));
        var conditions = await council.PutJsonAsync($"{url}/conditions", new { status = "BeingMet" }, await ETagAsync(council, url));
        var impact = await council.PutJsonAsync($"{url}/impact", new { impactReview = "Delayed discharges fell by a fifth." }, await ETagAsync(council, url));
        var exchange = await (await council.GetAsync($"{url}/iterations", Ct)).JsonAsync();
        var ask = await (await council.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("Open", firstPosition["state"]!.GetValue<string>());
        Assert.Equal(["Westford Council"], firstPosition["outstanding"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Draft", stillDraft["status"]!.GetValue<string>());
        Assert.Equal("Agreed", agreed["state"]!.GetValue<string>());
        Assert.Equal("AgreedLocally", afterRound["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("Submitted", (await submitted.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Equal("System", (await question.JsonAsync())["exchange"]!["clock"]!["waitingOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal("PartlyAgreed", (await partly.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal("InDiscussion", (await revised.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal("Agreed", (await agreedNationally.JsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, implemented.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conditions.StatusCode);
        Assert.Equal(HttpStatusCode.OK, impact.StatusCode);
        Assert.Equal("ImpactReviewed", ask["status"]!.GetValue<string>());
        Assert.Equal("Let them be pooled for two years.", ask["request"]!.GetValue<string>());
        Assert.Equal("Let them be pooled for two years.", ask["granted"]!.GetValue<string>());
        Assert.Equal("The return covers delayed discharges.", ask["conditions"]!.GetValue<string>());
        Assert.Equal("BeingMet", ask["conditionStatus"]!.GetValue<string>());
        var iterations = exchange["iterations"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5, 6], iterations.Select(i => i!["number"]!.GetValue<int>()));
        Assert.Equal(["Proposal", "Question", "Feedback", "PartlyAgreed", "RevisedProposal", "Agreed"], iterations.Select(i => i!["kind"]!.GetValue<string>()));
        Assert.Equal(["System", "National", "System", "National", "System", "National"], iterations.Select(i => i!["side"]!.GetValue<string>()));
        Assert.Equal("NHS England North East and Yorkshire", iterations[1]!["for"]!.GetValue<string>());
        Assert.Equal("Westford Council", iterations[0]!["for"]!.GetValue<string>());
        // The revision is compared with the proposal before it, word by word: "three" went, "two" came.
        var change = iterations[4]!["changes"]!.AsArray().Single();
        Assert.Equal("What we ask", change!["field"]!.GetValue<string>());
        Assert.Contains(change["words"]!.AsArray(), w => w!["change"]!.GetValue<string>() == "Removed" && w["text"]!.GetValue<string>().Contains("three", StringComparison.Ordinal));
        Assert.Contains(change["words"]!.AsArray(), w => w!["change"]!.GetValue<string>() == "Added" && w["text"]!.GetValue<string>().Contains("two", StringComparison.Ordinal));
        Assert.Null(exchange["clock"]!["waitingOn"]);
        await using var scope = App.Database(system.Id);
        var actions = await scope.Db.AuditEvents.Where(e => e.EntityId == Guid.Parse(ask["id"]!.GetValue<string>())).OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.ActingForOrganisationName }).ToListAsync(Ct);
        Assert.Equal(["AskDrafted", "AskRoundOpened", "AskPositionRecorded", "AskPositionRecorded", "AskAgreedLocally", "AskSubmitted", "AskResponded",
            "AskFeedbackGiven", "AskResponded", "AskRevised", "AskResponded", "AskImplemented", "AskConditionsAssessed", "AskImpactReviewed"], actions.Select(a => a.Action));
        Assert.All(actions.Where(a => a.Action == "AskResponded"), a => Assert.Equal("NHS England North East and Yorkshire", a.ActingForOrganisationName));
    }

    [Fact]
    public async Task TheRound_IsAnsweredOnlyByEachOrganisationsLeads_AnObjectionHoldsTheAsk_AndNothingIsSubmittedUnagreed()
    {
        var (system, council, url) = await DraftAsync();
        var early = await council.PostJsonAsync($"{url}/submission", new { }, await ETagAsync(council, url));
        var noDate = await council.PostAsJsonAsync($"{url}/rounds", new { }, Ct);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PostAsJsonAsync($"{url}/rounds",
            new { closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)) }, Ct);
        var round = await (await council.PostAsJsonAsync($"{url}/rounds",
            new { closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } }, Ct)).JsonAsync();
        var second = await council.PostAsJsonAsync($"{url}/rounds", new { closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)) }, Ct);
        var positions = $"{url}/rounds/{round["id"]}/positions";
        var forTheTrust = await council.PostAsJsonAsync(positions, new { organisationId = system.TrustId, position = "Consent" }, Ct);
        var byConvenor = await (await ApiClient.ForAsync(App, system.Convenor)).PostAsJsonAsync(positions, new { organisationId = system.TrustId, position = "Consent" }, Ct);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var bareObjection = await trust.PostAsJsonAsync(positions, new { organisationId = system.TrustId, position = "Object" }, Ct);
        var objection = await trust.PostAsJsonAsync(positions, new
        {
            organisationId = system.TrustId, position = "Object", reason = "It moves the trust's grant without its board.", wouldResolve = "Take it to our board first.",
        }, Ct);
        var consent = await council.PostAsJsonAsync(positions, new { organisationId = system.CouncilId, position = "Consent" }, Ct);
        var edit = await council.PutJsonAsync(url, new
        {
            title = "Changed", category = "FinancialFlexibility", nationalBodyId = Region, barrier = "B", request = "R", ownerOrganisationId = system.CouncilId,
        }, await ETagAsync(council, url));
        var withdrawn = await council.PostAsJsonAsync($"{url}/rounds/{round["id"]}/withdrawal", new { reason = "To answer the trust." }, Ct);
        var afterWithdrawal = await council.PostAsJsonAsync(positions, new { organisationId = system.CouncilId, position = "Consent" }, Ct);
        var rounds = (await (await council.GetAsync($"{url}/rounds", Ct)).JsonAsync()).AsArray();
        var ask = await (await council.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("The partners have not agreed this ask yet: ask them to agree it before it is submitted", Error(await early.JsonAsync(), "Status"));
        Assert.Equal("Enter the closing date", Error(await noDate.JsonAsync(), "ClosesOn"));
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal("The partners are already being asked to agree this ask: withdraw that round first", Error(await second.JsonAsync(), "ClosesOn"));
        Assert.Equal(HttpStatusCode.Forbidden, forTheTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byConvenor.StatusCode);
        var bare = await bareObjection.JsonAsync();
        Assert.Equal("Enter what harm the proposal would do", Error(bare, "Reason"));
        Assert.Equal("Enter what would resolve your objection", Error(bare, "WouldResolve"));
        Assert.Equal(HttpStatusCode.OK, objection.StatusCode);
        Assert.Equal("Open", (await consent.JsonAsync())["state"]!.GetValue<string>());
        Assert.Equal("The partners are being asked to agree these words: withdraw the round to change them", Error(await edit.JsonAsync(), "Title"));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterWithdrawal.StatusCode);
        Assert.Equal("Withdrawn", rounds.Single()!["state"]!.GetValue<string>());
        Assert.Equal("Draft", ask["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachSide_MovesOnlyInItsTurn_AndAResponseNeedsWhatItsKindNeeds()
    {
        var (system, council, url) = await DraftAsync();
        await AgreeAsync(system, url);
        await council.PostJsonAsync($"{url}/submission", new { }, await ETagAsync(council, url));
        var national = await ApiClient.ForAsync(App, await App.CreateNationalPartnerAsync(Region));
        var id = (await (await council.GetAsync(url, Ct)).JsonAsync())["id"]!.GetValue<string>();
        var inboxUrl = $"/api/v1/national/asks/{id}";

        var feedbackOutOfTurn = await council.PostJsonAsync($"{url}/iterations", new { kind = "Feedback", text = "Anything?" }, await ETagAsync(council, url));
        var sameWords = await council.PostJsonAsync($"{url}/iterations", new
        {
            kind = "RevisedProposal", title = "Pool the discharge funding", barrier = "Two grants with two sets of conditions.",
            request = "Let them be pooled for three years.", offer = "One quarterly outcome report.",
        }, await ETagAsync(council, url));
        var partlyWithoutConditions = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "PartlyAgreed", text = "Some of it." },
            await ETagAsync(national, inboxUrl));
        var declineWithoutReasons = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Declined" }, await ETagAsync(national, inboxUrl));
        var conditionsOnAQuestion = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Question", text = "Why?", conditions = "None" },
            await ETagAsync(national, inboxUrl));
        var stale = await ETagAsync(national, inboxUrl);
        var accepted = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "AcceptedForDiscussion" }, stale);
        var staleAgain = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Question", text = "Why?" }, stale);
        var acceptedTwice = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "AcceptedForDiscussion" }, await ETagAsync(national, inboxUrl));
        var question = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Question", text = "Why?" }, await ETagAsync(national, inboxUrl));
        var nationalOutOfTurn = await national.PostJsonAsync($"{inboxUrl}/responses", new { kind = "Agreed" }, await ETagAsync(national, inboxUrl));
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PostJsonAsync($"{url}/iterations", new { kind = "Feedback", text = "Because." },
            await ETagAsync(council, url));

        Assert.Equal("The ask is with the national body: feedback follows its response. To change the words, send a revised proposal",
            Error(await feedbackOutOfTurn.JsonAsync(), "Kind"));
        Assert.Equal("The words are the same as the last proposal: change something to revise it, or send feedback", Error(await sameWords.JsonAsync(), "Request"));
        Assert.Equal("Enter the conditions attached to the partial agreement", Error(await partlyWithoutConditions.JsonAsync(), "Conditions"));
        Assert.Equal("Give your body's reasons for declining", Error(await declineWithoutReasons.JsonAsync(), "Text"));
        Assert.Equal("Conditions are attached only to an agreement or a partial agreement", Error(await conditionsOnAQuestion.JsonAsync(), "Conditions"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("National", (await accepted.JsonAsync())["exchange"]!["clock"]!["waitingOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleAgain.StatusCode);
        Assert.Equal("This ask is in discussion already: ask a question or give your decision", Error(await acceptedTwice.JsonAsync(), "Kind"));
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Equal("The ask is with the system: your body responds once it replies", Error(await nationalOutOfTurn.JsonAsync(), "Kind"));
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        var exchange = await (await council.GetAsync($"{url}/iterations", Ct)).JsonAsync();
        Assert.Equal(["Proposal", "AcceptedForDiscussion", "Question"], exchange["iterations"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()));
    }
}

public sealed class AskExchangeSqliteTests(SqliteApp app) : AskExchangeTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AskExchangePostgresTests(PostgresApp app) : AskExchangeTests(app, DatabaseKind.Postgres);
