using System.Net;
using System.Net.Http.Json;
using Concordat.Core.National;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.National;

/// <summary>
/// A national partner's side of the asks: their body's inbox, one ask and the body's response. Above all, a partner sees
/// only what systems have agreed and submitted to their own body: no other body's asks, no draft, nothing agreed by the
/// partners but kept back, and nothing of any system's workspace.
/// </summary>
public abstract class NationalAsksTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly Guid Cqc = NationalBody.Standard.Single(b => b.Kind == NationalBodyKind.CareQualityCommission).Id;
    private static readonly Guid Nhse = NationalBody.Standard.Single(b => b.Name == "NHS England").Id;
    private static readonly Guid Dhsc = NationalBody.Standard.Single(b => b.Kind == NationalBodyKind.DepartmentOfHealthAndSocialCare).Id;

    private Task<Guid> AskAsync(TestSystem system, Guid body, string title, AskStage stage, Guid[]? goals = null) =>
        App.AskAsync(system, body, title, stage, Ct, goals);

    private Task<TestPerson> PartnerOfAsync(Guid body, string name = "Nia National") => App.NationalPartnerAsync(body, name, Ct);

    /// <summary>
    /// The prose check on a national page the demo does not reach yet. The exchange's clock is the system side's shared
    /// partial, read there; it is left out here (and the page with it, so call this last).
    /// </summary>
    private static void ReadsAsProse(PageResponse page)
    {
        page.Document.QuerySelector("#ask-clock")?.Remove();
        var problems = ProseCheck.Problems(ProseCheck.VisibleText(page.Document)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static List<string> Ids(System.Text.Json.Nodes.JsonNode list) => [.. list.AsArray().Select(a => a!["id"]!.GetValue<string>())];

    [Fact]
    public async Task APartner_SeesOnlyWhatSystemsSubmittedToTheirOwnBody_InThePageTheApiAndTheCsv()
    {
        var first = await App.CreateSystemAsync();
        var second = await App.CreateSystemAsync();
        var goal = await App.AgreedGoalAsync(first, Ct);
        var firstToCqc = await AskAsync(first, Cqc, "One joint inspection for Westford", AskStage.Submitted, [goal]);
        var firstToNhse = await AskAsync(first, Nhse, "A blended payment for the virtual ward", AskStage.Submitted);
        var draft = await AskAsync(first, Cqc, "A draft the partners have not seen", AskStage.Draft);
        var keptBack = await AskAsync(first, Cqc, "Agreed by the partners but not sent", AskStage.AgreedLocally);
        var secondToCqc = await AskAsync(second, Cqc, "Registration of the new hub", AskStage.Submitted);
        var secondToDhsc = await AskAsync(second, Dhsc, "A statutory instrument for pooled budgets", AskStage.Submitted);
        var partner = await PartnerOfAsync(Cqc);
        var pages = await PageClient.SignedInAsync(App, partner);
        var api = await ApiClient.ForAsync(App, partner);
        string[] hidden = [firstToNhse.ToString(), draft.ToString(), keptBack.ToString(), secondToDhsc.ToString()];

        var inbox = await pages.GetAsync("/national/asks");
        var ofFirst = await inbox.SubmitGetAsync("#inbox-filter", new() { ["SystemId"] = first.Id.ToString() });
        var listed = Ids(await (await api.GetAsync("/api/v1/national/asks?pageSize=200", Ct)).JsonAsync());
        var listedOfFirst = Ids(await (await api.GetAsync($"/api/v1/national/asks?systemId={first.Id}", Ct)).JsonAsync());
        var csv = await pages.Http.GetStringAsync(ofFirst.Document.QuerySelector("#inbox-csv")!.GetAttribute("href"), Ct);
        var everyCsv = await pages.Http.GetStringAsync("/national/asks?handler=Csv", Ct);
        var home = await pages.GetAsync("/national");
        var page = await pages.GetAsync($"/national/asks/{firstToCqc}");

        var links = inbox.Document.QuerySelectorAll("#inbox-list a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/national/asks/{firstToCqc}", links);
        Assert.Contains($"/national/asks/{secondToCqc}", links);
        Assert.All(hidden, id => Assert.DoesNotContain($"/national/asks/{id}", links));
        Assert.Equal([$"/national/asks/{firstToCqc}"], ofFirst.Document.QuerySelectorAll("#inbox-list a").Select(a => a.GetAttribute("href")));
        Assert.Contains(first.Name, ofFirst.Text("#inbox-list"));
        Assert.Contains("Regulatory or oversight streamlining", ofFirst.Text("#inbox-list"));
        Assert.Contains("Submitted", ofFirst.Text("#inbox-list"));
        Assert.Contains("Your body's, 0 working days", ofFirst.Text("#inbox-list"));
        Assert.Equal(first.Name, ofFirst.Document.QuerySelector("#SystemId option[selected]")?.TextContent);
        Assert.Contains(second.Name, inbox.Document.QuerySelectorAll("#SystemId option").Select(o => o.TextContent));
        Assert.Contains(firstToCqc.ToString(), listed);
        Assert.Contains(secondToCqc.ToString(), listed);
        Assert.All(hidden, id => Assert.DoesNotContain(id, listed));
        Assert.Equal([firstToCqc.ToString()], listedOfFirst);
        Assert.StartsWith("id,system,title,", csv, StringComparison.Ordinal);
        Assert.Contains(firstToCqc.ToString(), csv, StringComparison.Ordinal);
        Assert.DoesNotContain(secondToCqc.ToString(), csv, StringComparison.Ordinal);
        Assert.Contains(secondToCqc.ToString(), everyCsv, StringComparison.Ordinal);
        Assert.All(hidden, id => Assert.DoesNotContain(id, everyCsv, StringComparison.Ordinal));
        Assert.DoesNotContain("A draft the partners have not seen", everyCsv, StringComparison.Ordinal);
        Assert.Contains("waiting on your body", home.Text("#asks-waiting"));
        Assert.Equal("/national/asks", home.Document.QuerySelector("#asks-link")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("One joint inspection for Westford", page.Text("h1"));
        Assert.Equal("Westford Council", page.Document.QuerySelectorAll("#ask-summary .nhsuk-summary-list__row")
            .Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Owner").QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("One joint inspection of the place's services.", page.Text("#ask-request"));
        Assert.Contains("Fewer falls", page.Text("#ask-goals"));
        Assert.Contains("Proposal", page.Text("#ask-timeline"));
        Assert.NotNull(page.Document.QuerySelector("#respond-form"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Kind'][value='AcceptedForDiscussion']"));
        ReadsAsProse(page);
        ReadsAsProse(inbox);
        ReadsAsProse(home);
    }

    [Fact]
    public async Task AnotherBodysAsk_ADraft_AndEverySystemsWorkspace_AreClosedToAPartner()
    {
        var system = await App.CreateSystemAsync();
        var toNhse = await AskAsync(system, Nhse, "A blended payment for the virtual ward", AskStage.Submitted);
        var draft = await AskAsync(system, Cqc, "A draft the partners have not seen", AskStage.Draft);
        var keptBack = await AskAsync(system, Cqc, "Agreed by the partners but not sent", AskStage.AgreedLocally);
        var partner = await PartnerOfAsync(Cqc);
        var pages = await PageClient.SignedInAsync(App, partner);
        var api = await ApiClient.ForAsync(App, partner);
        var member = await PageClient.SignedInAsync(App, system.Convenor);

        var otherBodysPage = await pages.GetAsync($"/national/asks/{toNhse}");
        var otherBodysApi = await api.GetAsync($"/api/v1/national/asks/{toNhse}", Ct);
        var answeredForOtherBody = await api.PostJsonAsync($"/api/v1/national/asks/{toNhse}/responses", new { kind = "Agreed" }, "*");
        var draftPage = await pages.GetAsync($"/national/asks/{draft}");
        var keptBackApi = await api.GetAsync($"/api/v1/national/asks/{keptBack}", Ct);
        var asksPage = await pages.GetAsync($"/systems/{system.Id}/asks");
        var askPage = await pages.GetAsync($"/systems/{system.Id}/asks/{toNhse}");
        var goalsApi = await api.GetAsync($"/api/v1/systems/{system.Id}/goals", Ct);
        var asksApi = await api.GetAsync($"/api/v1/systems/{system.Id}/asks", Ct);
        var inboxForMember = await member.GetAsync("/national/asks");
        var askForMember = await member.GetAsync($"/national/asks/{toNhse}");
        var inboxApiForMember = await (await ApiClient.ForAsync(App, system.Convenor)).GetAsync("/api/v1/national/asks", Ct);

        Assert.Equal(HttpStatusCode.NotFound, otherBodysPage.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherBodysApi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answeredForOtherBody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draftPage.Status);
        Assert.Equal(HttpStatusCode.NotFound, keptBackApi.StatusCode);
        Assert.Contains(asksPage.Status, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Contains(askPage.Status, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Contains(goalsApi.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Contains(asksApi.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.NotFound, inboxForMember.Status);
        Assert.Equal(HttpStatusCode.NotFound, askForMember.Status);
        Assert.Equal(HttpStatusCode.NotFound, inboxApiForMember.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal(0, await scope.Db.AskIterations.CountAsync(i => i.AskId == toNhse && i.Number > 1, Ct));
    }

    [Fact]
    public async Task TheBodyResponds_AQuestionHandsTheAskToTheSystem_APartialAgreementNeedsConditions_AndTheDecisionIsAuditedInTheSystem()
    {
        var system = await App.CreateSystemAsync();
        var ask = await AskAsync(system, Cqc, "One joint inspection for Westford", AskStage.Submitted);
        var partner = await PartnerOfAsync(Cqc, "Quinn Quality");
        var pages = await PageClient.SignedInAsync(App, partner);
        var api = await ApiClient.ForAsync(App, partner);
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var systemAsk = $"/api/v1/systems/{system.Id}/asks/{ask}";

        var form = await pages.GetAsync($"/national/asks/{ask}");
        var nothingChosen = await form.SubmitAsync("#respond-form", new() { ["Input.Text"] = "" });
        var asked = await form.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "Question", ["Input.Text"] = "Which services would the joint inspection cover?" });
        var afterQuestion = await asked.FollowAsync();
        var clockAfterQuestion = (await (await council.GetAsync($"{systemAsk}/iterations", Ct)).JsonAsync())["clock"]!;
        // The page read before the question still shows the form; the body cannot answer again until the system replies.
        var outOfTurn = await form.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "Agreed", ["Input.Text"] = "" });
        var outOfTurnApi = await api.PostJsonAsync($"/api/v1/national/asks/{ask}/responses", new { kind = "Agreed" }, "*");
        var etag = (await council.GetAsync(systemAsk, Ct)).Headers.ETag!.ToString();
        var replied = await council.PostJsonAsync($"{systemAsk}/iterations", new { kind = "Feedback", text = "Adult social care and community nursing." }, etag);
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        var again = await pages.GetAsync($"/national/asks/{ask}");
        var noConditions = await again.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "PartlyAgreed", ["Input.Text"] = "One joint inspection of adult social care." });
        var decided = await noConditions.SubmitAsync("#respond-form", new()
        {
            ["Input.Kind"] = "PartlyAgreed", ["Input.Text"] = "One joint inspection of adult social care.", ["Input.Conditions"] = "Publish the outcome measures quarterly.",
        });
        var decidedPage = await decided.FollowAsync();
        var inbox = await pages.GetAsync($"/national/asks?systemId={system.Id}");

        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.Status);
        Assert.Equal(["Select your body's response"], nothingChosen.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal("Your question is sent to the system", afterQuestion.Text(".nhsuk-notification-banner__heading"));
        Assert.Null(afterQuestion.Document.QuerySelector("#respond-form"));
        Assert.Equal("The ask is with the system: your body responds once it replies.", afterQuestion.Text("#respond-closed"));
        Assert.Contains("Which services would the joint inspection cover?", afterQuestion.Text("#iteration-2"));
        Assert.Equal("System", clockAfterQuestion["waitingOn"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, outOfTurn.Status);
        Assert.Equal(["The ask is with the system: your body responds once it replies"], outOfTurn.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, outOfTurnApi.StatusCode);
        Assert.Equal("The ask is with the system: your body responds once it replies", (await outOfTurnApi.JsonAsync())["errors"]!["Kind"]![0]!.GetValue<string>());
        Assert.Null(again.Document.QuerySelector("input[name='Input.Kind'][value='AcceptedForDiscussion']"));
        Assert.Equal(HttpStatusCode.BadRequest, noConditions.Status);
        Assert.Equal(["Enter the conditions attached to the partial agreement"], noConditions.ErrorSummary);
        Assert.Equal("One joint inspection of adult social care.", noConditions.Document.QuerySelector("#Input_Text")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        Assert.Equal("Partly agreed", decidedPage.Text("#ask-status"));
        Assert.Contains("One joint inspection of adult social care.", decidedPage.Text("#ask-deal"));
        Assert.Contains("Publish the outcome measures quarterly.", decidedPage.Text("#ask-deal"));
        Assert.Null(decidedPage.Document.QuerySelector("#respond-form"));
        Assert.Contains("Decided", inbox.Text("#inbox-list"));
        ReadsAsProse(afterQuestion);
        ReadsAsProse(decidedPage);
        await using var scope = App.Database(system.Id);
        var stored = await scope.Db.Asks.SingleAsync(a => a.Id == ask, Ct);
        Assert.Equal(Concordat.Core.Asks.AskStatus.PartlyAgreed, stored.Status);
        Assert.Equal("One joint inspection of adult social care.", stored.Granted);
        Assert.Equal("Publish the outcome measures quarterly.", stored.Conditions);
        var kinds = await scope.Db.AskIterations.Where(i => i.AskId == ask).OrderBy(i => i.Number).Select(i => i.Kind).ToListAsync(Ct);
        Assert.Equal([Concordat.Core.Asks.AskIterationKind.Proposal, Concordat.Core.Asks.AskIterationKind.Question, Concordat.Core.Asks.AskIterationKind.Feedback,
            Concordat.Core.Asks.AskIterationKind.PartlyAgreed], kinds);
        var audits = await scope.Db.AuditEvents.Where(e => e.Action == "AskResponded").OrderBy(e => e.Id).ToListAsync(Ct);
        Assert.Equal(2, audits.Count);
        Assert.All(audits, e => Assert.Equal("Quinn Quality", e.ActorName));
        Assert.Contains("Publish the outcome measures quarterly.", audits[^1].AfterJson, StringComparison.Ordinal);
        var history = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/asks/{ask}");
        Assert.Contains("Quinn Quality", history.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptingForDiscussion_KeepsTheAskWithTheBody_AndAResponseMadeOnAnOlderReading_ShowsWhatIsSavedNow()
    {
        var system = await App.CreateSystemAsync();
        var ask = await AskAsync(system, Cqc, "One joint inspection for Westford", AskStage.Submitted);
        var pages = await PageClient.SignedInAsync(App, await PartnerOfAsync(Cqc));

        var first = await pages.GetAsync($"/national/asks/{ask}");
        var second = await pages.GetAsync($"/national/asks/{ask}");
        var accepted = await first.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "AcceptedForDiscussion" });
        var afterAccepting = await accepted.FollowAsync();
        var stale = await second.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "Declined", ["Input.Text"] = "Not this year." });
        var acceptedAgain = await afterAccepting.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "AcceptedForDiscussion" });

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Equal("In discussion", afterAccepting.Text("#ask-status"));
        Assert.NotNull(afterAccepting.Document.QuerySelector("#respond-form"));
        Assert.Null(afterAccepting.Document.QuerySelector("input[name='Input.Kind'][value='AcceptedForDiscussion']"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.NotNull(stale.Document.QuerySelector("#edit-conflict"));
        Assert.Contains("In discussion", stale.Text("#edit-conflict"));
        Assert.Equal("Not this year.", stale.Document.QuerySelector("#Input_Text")?.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, acceptedAgain.Status);
        Assert.Equal(["This ask is in discussion already: ask a question or give your decision"], acceptedAgain.ErrorSummary);
        await using var scope = App.Database(system.Id);
        Assert.Equal(Concordat.Core.Asks.AskStatus.InDiscussion, (await scope.Db.Asks.SingleAsync(a => a.Id == ask, Ct)).Status);
    }
}

public sealed class NationalAsksSqliteTests(SqliteApp app) : NationalAsksTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class NationalAsksPostgresTests(PostgresApp app) : NationalAsksTests(app, DatabaseKind.Postgres);
