using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Concordat.Core.National;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Asks;

/// <summary>
/// The system's side of an ask, through its pages: the partners agree it (each organisation through its own leads),
/// its owner submits it, answers the body addressed, and keeps the deal's side once the body decides.
/// </summary>
public abstract class AskPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private const string RegionName = "NHS England North East and Yorkshire";
    private static readonly Guid Region = NationalBody.Standard.Single(b => b.Name == RegionName).Id;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A draft ask owned by the council, drafted by its lead; returns its id.</summary>
    private async Task<Guid> DraftAsync(TestSystem system)
    {
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var created = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/asks", new
        {
            title = "Pool the discharge funding", category = "FinancialFlexibility", nationalBodyId = Region,
            barrier = "Two grants with two sets of conditions.", request = "Let them be pooled for three years.", offer = "One quarterly outcome report.",
            ownerOrganisationId = system.CouncilId,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Guid.Parse((await created.JsonAsync())["id"]!.GetValue<string>());
    }

    /// <summary>Asks the trust and the council (the organisations with leads) to agree the ask, through the page.</summary>
    private static async Task<PageResponse> OpenRoundAsync(TestSystem system, Guid ask, PageClient owner)
    {
        var form = await owner.GetAsync($"/systems/{system.Id}/asks/{ask}/rounds/new");
        return await form.SubmitAsync("main form", new()
        {
            ["Input.ClosesOn"] = Today.AddDays(14), ["Input.RequiredOrganisationIds"] = new[] { system.TrustId.ToString(), system.CouncilId.ToString() },
        });
    }

    /// <summary>A lead records their organisation's position through the page reached from the ask.</summary>
    private static async Task<PageResponse> RecordPositionAsync(PageClient lead, string askPage, Dictionary<string, object?> position)
    {
        var page = await lead.GetAsync(askPage);
        var link = page.Document.QuerySelector("a[href$='/position']")?.GetAttribute("href")
            ?? throw new InvalidOperationException("No link to record a position on " + askPage);
        var form = await lead.GetAsync(link);
        return await form.SubmitAsync("main form", position);
    }

    /// <summary>The ask agreed by both partners and submitted by the council's lead, all through the pages.</summary>
    private async Task<(Guid Ask, string Page, PageClient Council)> SubmittedAsync(TestSystem system)
    {
        var ask = await DraftAsync(system);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var askPage = $"/systems/{system.Id}/asks/{ask}";
        Assert.Equal(HttpStatusCode.Redirect, (await OpenRoundAsync(system, ask, council)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordPositionAsync(trust, askPage, new() { ["Input.Kind"] = "Consent" })).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await RecordPositionAsync(council, askPage, new() { ["Input.Kind"] = "Consent" })).Status);
        var submitted = await (await council.GetAsync(askPage)).SubmitAsync("form[action*='handler=Submit']", new());
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        return (ask, askPage, council);
    }

    /// <summary>A national partner of the region, appointed by an administrator, with a client for the national API.</summary>
    private async Task<HttpClient> RegionPartnerAsync()
    {
        var administrator = await ApiClient.ForAsync(App, await App.CreateAdministratorAsync());
        var appointed = await administrator.PostAsJsonAsync($"/api/v1/national-bodies/{Region}/partners",
            new { email = $"region-{Guid.NewGuid():N}@test.concordat.example", displayName = "Rhea Region" }, Ct);
        Assert.Equal(HttpStatusCode.OK, appointed.StatusCode);
        return await ApiClient.ForAsync(App, new TestPerson(Guid.Parse((await appointed.JsonAsync())["personId"]!.GetValue<string>()), "", "", "Rhea Region"));
    }

    /// <summary>The body's response, against the version it read.</summary>
    private static async Task RespondAsync(HttpClient partner, Guid ask, object response)
    {
        var read = await partner.GetAsync($"/api/v1/national/asks/{ask}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var responded = await partner.PostJsonAsync($"/api/v1/national/asks/{ask}/responses", response, read.Headers.ETag!.ToString());
        Assert.True(responded.StatusCode == HttpStatusCode.OK, await responded.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ThePartnersAgreeTheAsk_EachThroughItsOwnLeads_ThenItsOwnerSubmitsIt_AndTheTimelineShowsTheFirstProposal()
    {
        var system = await App.CreateSystemAsync();
        var ask = await DraftAsync(system);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var askPage = $"/systems/{system.Id}/asks/{ask}";
        var draft = await council.GetAsync(askPage);

        var opened = await (await OpenRoundAsync(system, ask, council)).FollowAsync();
        var trustConsents = await RecordPositionAsync(trust, askPage, new() { ["Input.Kind"] = "Consent", ["Input.Decision"] = "Trust board, 3 March 2027" });
        var afterTrust = await council.GetAsync(askPage);
        var councilConsents = await RecordPositionAsync(council, askPage, new() { ["Input.Kind"] = "ConsentWithConcerns", ["Input.Reason"] = "The quarterly report must stay short." });
        var agreed = await councilConsents.FollowAsync();
        var submitted = await agreed.SubmitAsync("form[action*='handler=Submit']", new());
        var afterSubmission = await submitted.FollowAsync();
        var list = await council.GetAsync($"/systems/{system.Id}/asks");
        var again = await agreed.SubmitAsync("form[action*='handler=Submit']", new());

        Assert.NotNull(draft.Document.QuerySelector("a[href$='/rounds/new']"));
        Assert.NotNull(draft.Document.QuerySelector("a[href$='/edit']"));
        Assert.Equal("Draft", draft.Text("#ask-status"));
        Assert.Equal("The partners are being asked to agree this ask", opened.Text("#ask-round-state"));
        Assert.Equal("Waiting for Westford Council and Westford Hospitals NHS Trust.", opened.Text("#ask-outstanding"));
        Assert.Null(opened.Document.QuerySelector("a[href$='/edit']"));
        Assert.Null(opened.Document.QuerySelector("a[href$='/rounds/new']"));
        Assert.NotNull(opened.Document.QuerySelector("a[href$='/withdraw']"));
        Assert.Equal(HttpStatusCode.Redirect, trustConsents.Status);
        Assert.Equal("Waiting for Westford Council.", afterTrust.Text("#ask-outstanding"));
        Assert.Contains("Trust board, 3 March 2027", afterTrust.Text("#ask-positions"));
        Assert.Equal(HttpStatusCode.Redirect, councilConsents.Status);
        Assert.Equal("Agreed locally", agreed.Text("#ask-status"));
        Assert.Equal("The partners agreed this ask", agreed.Text("#ask-round-state"));
        Assert.Contains("The quarterly report must stay short.", agreed.Text("#ask-positions"));
        Assert.Contains("Consent with concerns", agreed.Text("#ask-positions"));
        Assert.Equal($"Submit to {RegionName}", agreed.Text("form[action*='handler=Submit'] button"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.Status);
        Assert.Equal("Submitted", afterSubmission.Text("#ask-status"));
        Assert.Equal("1. Proposal", afterSubmission.Text("#iteration-1 h3"));
        Assert.Contains("Pool the discharge funding", afterSubmission.Text("#iteration-1"));
        Assert.Contains("The national body, since", afterSubmission.Text("#ask-clock"));
        Assert.Null(afterSubmission.Document.QuerySelector("form[action*='handler=Submit']"));
        Assert.Equal("Submitted", list.Text("#ask-list .nhsuk-tag"));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["This ask was submitted already (submitted)"], again.ErrorSummary);
        AssertReadsAsProse(opened, afterTrust, agreed, afterSubmission, again);
        await using var scope = App.Database(system.Id);
        Assert.Equal(["AskAgreedLocally", "AskPositionRecorded", "AskPositionRecorded", "AskRoundOpened", "AskSubmitted"],
            (await scope.Db.AuditEvents.Where(e => e.EntityId == ask && e.Action != "AskDrafted").Select(e => e.Action).ToListAsync(Ct)).Order());
    }

    [Fact]
    public async Task AnObjection_WithoutItsReasons_IsRefused_WithThemItBlocksAgreement_UntilTheAskIsWithdrawnFromThePartners()
    {
        var system = await App.CreateSystemAsync();
        var ask = await DraftAsync(system);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var askPage = $"/systems/{system.Id}/asks/{ask}";
        await OpenRoundAsync(system, ask, council);

        var bare = await RecordPositionAsync(trust, askPage, new() { ["Input.Kind"] = "Object" });
        var objected = await bare.SubmitAsync("main form", new()
        {
            ["Input.Kind"] = "Object", ["Input.Reason"] = "Pooling moves the trust's risk to the council.", ["Input.WouldResolve"] = "A risk share agreed first.",
        });
        await RecordPositionAsync(council, askPage, new() { ["Input.Kind"] = "Consent" });
        var blocked = await council.GetAsync(askPage);
        var withdrawForm = await council.GetAsync(blocked.Document.QuerySelector("a[href$='/withdraw']")!.GetAttribute("href")!);
        var withdrawn = await (await withdrawForm.SubmitAsync("main form", new() { ["Reason"] = "To agree a risk share first." })).FollowAsync();

        Assert.Equal(HttpStatusCode.BadRequest, bare.Status);
        Assert.Equal(["Enter what harm the proposal would do", "Enter what would resolve your objection"], bare.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, objected.Status);
        Assert.Equal("Draft", blocked.Text("#ask-status"));
        Assert.NotNull(blocked.Document.QuerySelector("#ask-objection"));
        Assert.Null(blocked.Document.QuerySelector("#ask-outstanding"));
        Assert.Contains("A risk share agreed first.", blocked.Text("#ask-positions"));
        Assert.Equal("Change your organisation's position", blocked.Text("a[href$='/position']"));
        Assert.Null(blocked.Document.QuerySelector("form[action*='handler=Submit']"));
        Assert.Equal("The ask was withdrawn from the partners", withdrawn.Text("#ask-round-state"));
        Assert.Equal("Draft", withdrawn.Text("#ask-status"));
        Assert.NotNull(withdrawn.Document.QuerySelector("a[href$='/edit']"));
        Assert.NotNull(withdrawn.Document.QuerySelector("a[href$='/rounds/new']"));
        Assert.Null(withdrawn.Document.QuerySelector("a[href$='/position']"));
        await using var scope = App.Database(system.Id);
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.EntityId == ask && e.Action == "AskRoundWithdrawn", Ct);
        Assert.Contains("To agree a risk share first.", audit.AfterJson, StringComparison.Ordinal);
        AssertReadsAsProse(bare, blocked, withdrawForm, withdrawn);
    }

    [Fact]
    public async Task TheRoundForm_ShowsEachProblemInTheErrorSummary_AndOpensNothing()
    {
        var system = await App.CreateSystemAsync();
        var ask = await DraftAsync(system);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var form = await council.GetAsync($"/systems/{system.Id}/asks/{ask}/rounds/new");

        var noDate = await form.SubmitAsync("main form", new());
        var past = await form.SubmitAsync("main form", new() { ["Input.ClosesOn"] = Today.AddDays(-1) });
        var partial = await form.SubmitAsync("main form", PageResponse.DateBoxes("Input.ClosesOn", "31", "", "2030").ToDictionary());

        Assert.Equal(3, form.Document.QuerySelectorAll("input[name='Input.RequiredOrganisationIds'][checked]").Length);
        Assert.Equal(HttpStatusCode.BadRequest, noDate.Status);
        Assert.Equal(["Enter the closing date"], noDate.ErrorSummary);
        Assert.Equal(["The closing date must be in the future"], past.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, partial.Status);
        Assert.Single(partial.ErrorSummary);
        Assert.Contains("month", partial.ErrorSummary[0], StringComparison.Ordinal);
        await using var scope = App.Database(system.Id);
        Assert.Equal(0, await scope.Db.AskRounds.CountAsync(Ct));
    }

    [Fact]
    public async Task AViewer_SeesNoActions_AndWhatTheyPostIsRefused()
    {
        var system = await App.CreateSystemAsync();
        var ask = await DraftAsync(system);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenRoundAsync(system, ask, council)).Status);
        Guid round;
        await using (var scope = App.Database(system.Id))
        {
            round = await scope.Db.AskRounds.Select(r => r.Id).SingleAsync(Ct);
        }
        var viewer = await PageClient.SignedInAsync(App, system.Viewer);
        var askPage = $"/systems/{system.Id}/asks/{ask}";

        var page = await viewer.GetAsync(askPage);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        async Task<HttpStatusCode> PostAsync(string path, params (string Name, string Value)[] fields) =>
            (await viewer.PostAsync(askPage + path, [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))])).Status;

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll($"main a[href^='{askPage}/']"));
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{askPage}/rounds/{round}/position")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync($"/rounds/{round}/position", ("Input.OrganisationId", system.IcbId.ToString()), ("Input.Kind", "Consent")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync($"/rounds/{round}/withdraw"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/rounds/new", ("Input.ClosesOn.Day", "1"), ("Input.ClosesOn.Month", "1"), ("Input.ClosesOn.Year", "2040")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("?handler=Submit", ("Version", Guid.Empty.ToString())));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/reply", ("Input.Kind", "Feedback"), ("Input.Text", "x")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/implemented"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/impact", ("Input.ImpactReview", "x")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/conditions", ("Input.Status", "BeingMet")));
        // The trust's lead records the trust's position, but the ask is the council's to withdraw.
        var trustOnly = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync(askPage);
        Assert.Equal("Record your organisation's position", trustOnly.Text("a[href$='/position']"));
        Assert.Null(trustOnly.Document.QuerySelector("a[href$='/withdraw']"));
        await using (var scope = App.Database(system.Id))
        {
            Assert.Equal(0, await scope.Db.AskPositions.CountAsync(Ct));
            Assert.Equal(Concordat.Core.Goals.RoundState.Open, await scope.Db.AskRounds.Select(r => r.State).SingleAsync(Ct));
        }
    }

    [Fact]
    public async Task AReplyToTheBodysQuestion_IsFeedbackOrARevisedProposal_WhoseWordChangesTheTimelineShows()
    {
        var system = await App.CreateSystemAsync();
        var (ask, askPage, council) = await SubmittedAsync(system);
        var partner = await RegionPartnerAsync();
        var beforeQuestion = await council.GetAsync(askPage);
        await RespondAsync(partner, ask, new { kind = "Question", text = "Which quarterly return would you stop?" });

        var questioned = await council.GetAsync(askPage);
        var replyForm = await council.GetAsync($"{askPage}/reply");
        var noFeedback = await replyForm.SubmitAsync("main form", new() { ["Input.Kind"] = "Feedback", ["Input.Text"] = "" });
        var unchanged = await replyForm.SubmitAsync("main form", new() { ["Input.Kind"] = "RevisedProposal" });
        var revised = await replyForm.SubmitAsync("main form", new()
        {
            ["Input.Kind"] = "RevisedProposal", ["Input.Text"] = "We would stop the better care fund return.",
            ["Input.Request"] = "Let them be pooled for five years, with one quarterly return.",
        });
        var afterRevision = await revised.FollowAsync();
        var stale = await replyForm.SubmitAsync("main form", new() { ["Input.Kind"] = "RevisedProposal", ["Input.Request"] = "Another wording." });

        Assert.Equal("Send a revised proposal", beforeQuestion.Text("a[href$='/reply']"));
        Assert.Equal($"Reply to {RegionName}", questioned.Text("a[href$='/reply']"));
        Assert.Contains("Which quarterly return would you stop?", replyForm.Text("#last-from-body"));
        Assert.Equal("Let them be pooled for three years.", replyForm.Text("#Input_Request"));
        Assert.Equal(HttpStatusCode.BadRequest, noFeedback.Status);
        Assert.Equal(["Enter your feedback"], noFeedback.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.Status);
        Assert.Equal(["The words are the same as the last proposal: change something to revise it, or send feedback"], unchanged.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, revised.Status);
        Assert.Equal("In discussion", afterRevision.Text("#ask-status"));
        Assert.Equal("3. Revised proposal", afterRevision.Text("#iteration-3 h3"));
        Assert.Contains(afterRevision.Document.QuerySelectorAll("#iteration-3 del").Select(d => d.TextContent), t => t.Contains("three", StringComparison.Ordinal));
        Assert.Contains(afterRevision.Document.QuerySelectorAll("#iteration-3 ins").Select(i => i.TextContent), t => t.Contains("five", StringComparison.Ordinal));
        Assert.Contains("We would stop the better care fund return.", afterRevision.Text("#iteration-3"));
        Assert.Equal("Let them be pooled for five years, with one quarterly return.", afterRevision.Text("#ask-request"));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.NotNull(stale.Document.QuerySelector("#edit-conflict"));
        AssertReadsAsProse(questioned, replyForm, noFeedback, afterRevision, stale);
    }

    [Fact]
    public async Task OnceTheBodyPartlyAgrees_TheDealShowsBothSides_AndItsOwnerKeepsItsSide()
    {
        var system = await App.CreateSystemAsync();
        var (ask, askPage, council) = await SubmittedAsync(system);
        await RespondAsync(await RegionPartnerAsync(), ask, new
        {
            kind = "PartlyAgreed", text = "Pooling for two years, not three.", conditions = "A joint quarterly outcome report to the region.",
        });
        var viewer = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync(askPage);

        var decided = await council.GetAsync(askPage);
        var conditionsForm = await council.GetAsync($"{askPage}/conditions");
        var noNote = await conditionsForm.SubmitAsync("main form", new() { ["Input.Status"] = "AtRisk" });
        var atRisk = await (await conditionsForm.SubmitAsync("main form", new() { ["Input.Status"] = "AtRisk", ["Input.Note"] = "The first report is late." })).FollowAsync();
        var staleAssessment = await conditionsForm.SubmitAsync("main form", new() { ["Input.Status"] = "BeingMet" });
        var implementedForm = await council.GetAsync($"{askPage}/implemented");
        var future = await implementedForm.SubmitAsync("main form", new() { ["Input.ImplementedOn"] = Today.AddDays(3) });
        var implemented = await (await implementedForm.SubmitAsync("main form", new() { ["Input.ImplementedOn"] = Today.AddDays(-1) })).FollowAsync();
        var impactForm = await council.GetAsync($"{askPage}/impact");
        var noImpact = await impactForm.SubmitAsync("main form", new() { ["Input.ImpactReview"] = " " });
        var reviewed = await (await impactForm.SubmitAsync("main form", new() { ["Input.ImpactReview"] = "Delayed discharges fell by a fifth." })).FollowAsync();

        Assert.Equal("Partly agreed", decided.Text("#ask-status"));
        Assert.Contains("Pooling for two years, not three.", decided.Text("#ask-deal"));
        Assert.Contains("A joint quarterly outcome report to the region.", decided.Text("#ask-deal"));
        Assert.Equal("Not yet assessed", decided.Text("#ask-condition-status"));
        Assert.NotNull(decided.Document.QuerySelector("a[href$='/implemented']"));
        Assert.NotNull(decided.Document.QuerySelector("a[href$='/conditions']"));
        Assert.Null(decided.Document.QuerySelector("a[href$='/impact']"));
        Assert.Equal("Send a revised proposal", decided.Text("a[href$='/reply']"));
        Assert.Contains("Pooling for two years, not three.", viewer.Text("#ask-deal"));
        Assert.Empty(viewer.Document.QuerySelectorAll($"main a[href^='{askPage}/']"));
        Assert.Equal(["Say what is falling short and what is being done about it"], noNote.ErrorSummary);
        Assert.Equal("At risk", atRisk.Text("#ask-condition-status"));
        Assert.Contains("The first report is late.", atRisk.Text("#ask-deal"));
        Assert.Equal(HttpStatusCode.Conflict, staleAssessment.Status);
        Assert.Equal(["The day the change took effect must be today or in the past"], future.ErrorSummary);
        Assert.Equal("Implemented", implemented.Text("#ask-status"));
        Assert.Contains(Prose(Today.AddDays(-1)), implemented.Text("#ask-deal"));
        Assert.Null(implemented.Document.QuerySelector("a[href$='/reply']"));
        Assert.Equal(HttpStatusCode.BadRequest, noImpact.Status);
        Assert.Equal(["Say what difference the change made"], noImpact.ErrorSummary);
        Assert.Equal("Impact reviewed", reviewed.Text("#ask-status"));
        Assert.Contains("Delayed discharges fell by a fifth.", reviewed.Text("#ask-deal"));
        Assert.Null(reviewed.Document.QuerySelector("a[href$='/impact']"));
        Assert.NotNull(reviewed.Document.QuerySelector("a[href$='/conditions']"));
        AssertReadsAsProse(decided, conditionsForm, noNote, staleAssessment, implementedForm, future, impactForm, noImpact, reviewed);
    }

    /// <summary>The site crawl's prose check, for the pages the demo's draft asks do not lead to yet.</summary>
    private static void AssertReadsAsProse(params PageResponse[] pages)
    {
        var problems = pages.SelectMany(p => ProseCheck.Problems(ProseCheck.VisibleText(p.Document)).Select(problem => $"{p.Response.RequestMessage!.RequestUri!.AbsolutePath}: {problem}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static string Prose(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}

public sealed class AskPagesSqliteTests(SqliteApp app) : AskPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class AskPagesPostgresTests(PostgresApp app) : AskPagesTests(app, DatabaseKind.Postgres);
