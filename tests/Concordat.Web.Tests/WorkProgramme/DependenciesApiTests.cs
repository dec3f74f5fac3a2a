using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Concordat.Core.Access;
using Concordat.Core.Goals;
using Concordat.Core.HealthChecks;
using Concordat.Core.Partnerships;
using Concordat.Core.Waiting;
using Concordat.Core.WorkProgramme;
using Concordat.Core.WorkProgramme.Dependencies;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.WorkProgramme;

/// <summary>
/// Dependencies between organisations' work items through the API: only the consuming organisation asks and only the
/// producing one answers, each answer against the version read; the off-track rule; cycles refused by name; who waits on
/// whom; CSV; the health-check rule; and what waits on the producing organisation's people.
/// </summary>
public abstract class DependenciesApiTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(TestSystem system) => $"/api/v1/systems/{system.Id}";

    /// <summary>A workstream led by the trust with the council contributing.</summary>
    private async Task<Guid> StartWorkstreamAsync(TestSystem system)
    {
        var goalId = await App.AgreedGoalAsync(system, Ct);
        var response = await (await ApiClient.ForAsync(App, system.Convenor)).PostAsJsonAsync($"{Url(system)}/workstreams", new
        {
            name = "Frailty at home", purpose = "Keep frail people well at home", leadOrganisationId = system.TrustId, goalIds = new[] { goalId },
            contributorIds = new[] { system.CouncilId },
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync())["id"]!.GetValue<Guid>();
    }

    private async Task<Guid> AddItemAsync(TestSystem system, Guid workstreamId, TestPerson by, Guid owner, string title, DateOnly? dueOn)
    {
        var response = await (await ApiClient.ForAsync(App, by)).PostAsJsonAsync($"{Url(system)}/work-items", new
        {
            title, workstreamId, ownerOrganisationId = owner, dueOn = dueOn is { } due ? Iso(due) : null,
        }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync())["item"]!["id"]!.GetValue<Guid>();
    }

    /// <summary>The trust's item that needs the council's, both dated a month and more ahead.</summary>
    private async Task<(Guid Consumer, Guid Producer)> TwoItemsAsync(TestSystem system, DateOnly? consumerDue = null, DateOnly? producerDue = null)
    {
        var stream = await StartWorkstreamAsync(system);
        var consumer = await AddItemAsync(system, stream, system.TrustLead, system.TrustId, "Falls clinic pathway", consumerDue ?? Today.AddDays(90));
        var producer = await AddItemAsync(system, stream, system.CouncilLead, system.CouncilId, "Reablement staff rota", producerDue ?? Today.AddDays(60));
        return (consumer, producer);
    }

    private async Task<HttpResponseMessage> RequestAsync(TestSystem system, TestPerson by, Guid consumer, Guid producer) =>
        await (await ApiClient.ForAsync(App, by)).PostAsJsonAsync($"{Url(system)}/dependencies", new { consumerItemId = consumer, producerItemId = producer }, Ct);

    private async Task<(Guid Id, string ETag)> RequestedAsync(TestSystem system, Guid consumer, Guid producer, TestPerson? by = null)
    {
        var response = await RequestAsync(system, by ?? system.TrustLead, consumer, producer);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return ((await response.JsonAsync())["id"]!.GetValue<Guid>(), response.Headers.ETag!.ToString());
    }

    private async Task<HttpResponseMessage> PostAsync(TestSystem system, TestPerson by, Guid id, string action, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Url(system)}/dependencies/{id}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await (await ApiClient.ForAsync(App, by)).SendAsync(request, Ct);
    }

    private async Task<JsonNode> GetAsync(TestSystem system, Guid id) =>
        await (await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"{Url(system)}/dependencies/{id}", Ct)).JsonAsync();

    private async Task SetItemAsync(TestSystem system, Guid itemId, Action<WorkItem> change)
    {
        await using var scope = App.Database(system.Id);
        change(await scope.Db.WorkItems.SingleAsync(i => i.Id == itemId, Ct));
        await scope.Db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task OnlyTheConsumingOrganisationAsks_OnlyTheProducingOneAnswers_EachAgainstTheVersionRead()
    {
        var system = await App.CreateSystemAsync();
        var other = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system);

        var byCouncil = await RequestAsync(system, system.CouncilLead, consumer, producer);
        var byViewer = await RequestAsync(system, system.Viewer, consumer, producer);
        var (id, etag) = await RequestedAsync(system, consumer, producer);
        var acceptedByTrust = await PostAsync(system, system.TrustLead, id, "accept", new { committedOn = Iso(Today.AddDays(50)) }, etag);
        var acceptedByConvenor = await PostAsync(system, system.Convenor, id, "accept", new { committedOn = Iso(Today.AddDays(50)) }, etag);
        var withoutIfMatch = await PostAsync(system, system.CouncilContributor, id, "accept", new { committedOn = Iso(Today.AddDays(50)) }, null);
        var withoutDate = await PostAsync(system, system.CouncilContributor, id, "accept", new { }, etag);
        var accepted = await PostAsync(system, system.CouncilContributor, id, "accept", new { committedOn = Iso(Today.AddDays(50)) }, etag);
        var staleDecline = await PostAsync(system, system.CouncilLead, id, "decline", new { reason = "No staff" }, etag);
        var deliveredByTrust = await PostAsync(system, system.TrustLead, id, "delivery", null, accepted.Headers.ETag!.ToString());
        var delivered = await PostAsync(system, system.CouncilLead, id, "delivery", null, accepted.Headers.ETag!.ToString());
        var withdrawnAfterDelivery = await PostAsync(system, system.TrustLead, id, "withdrawal", null, delivered.Headers.ETag!.ToString());
        var read = await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"{Url(system)}/dependencies/{id}", Ct);
        var fromOtherSystem = await (await ApiClient.ForAsync(App, other.Convenor)).GetAsync($"{Url(other)}/dependencies/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByTrust.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acceptedByConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutDate.StatusCode);
        Assert.Equal("Enter the date you commit to", (await withoutDate.JsonAsync())["errors"]!["CommittedOn"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDecline.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deliveredByTrust.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withdrawnAfterDelivery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var dependency = await read.JsonAsync();
        Assert.Equal("Delivered", dependency["state"]!.GetValue<string>());
        Assert.Equal(Iso(Today.AddDays(50)), dependency["committedOn"]!.GetValue<string>());
        Assert.Equal("Cleo Contributor", dependency["answeredByName"]!.GetValue<string>());
        Assert.Equal("Westford Council", dependency["producer"]!["organisation"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, fromOtherSystem.StatusCode);
        await using var scope = App.Database(system.Id);
        Assert.Equal(["DependencyRequested", "DependencyAccepted", "DependencyDelivered"],
            await scope.Db.AuditEvents.Where(e => e.EntityId == id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task ADeclineNeedsAReason_AndEitherSideWithdraws_WhatIsWithdrawnStaysInTheHistory()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system);
        var (first, firstETag) = await RequestedAsync(system, consumer, producer);

        var noReason = await PostAsync(system, system.CouncilLead, first, "decline", new { reason = " " }, firstETag);
        var declined = await PostAsync(system, system.CouncilLead, first, "decline", new { reason = "Our reablement team is full until April" }, firstETag);
        var (second, secondETag) = await RequestedAsync(system, consumer, producer);
        var withdrawnByViewer = await PostAsync(system, system.Viewer, second, "withdrawal", null, secondETag);
        var withdrawn = await PostAsync(system, system.CouncilLead, second, "withdrawal", null, secondETag);
        var (third, thirdETag) = await RequestedAsync(system, consumer, producer);
        var withdrawnByAsker = await PostAsync(system, system.TrustLead, third, "withdrawal", null, thirdETag);
        var withdrawnList = await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"{Url(system)}/dependencies?state=Withdrawn", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Say why you decline, so the organisation that asked can plan around it",
            (await noReason.JsonAsync())["errors"]!["Reason"]![0]!.GetValue<string>());
        Assert.Equal("Our reablement team is full until April", (await declined.JsonAsync())["declineReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, withdrawnByViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawnByAsker.StatusCode);
        Assert.Equal(new[] { second, third }.Order(), (await withdrawnList.JsonAsync()).AsArray().Select(d => d!["id"]!.GetValue<Guid>()).Order());
        Assert.Equal("Cath Council", (await GetAsync(system, second))["withdrawnByName"]!.GetValue<string>());
    }

    [Fact]
    public async Task OffTrack_WhenTheItemNeededIsDueOrPromisedLater_WhenItIsBlocked_AndWhenTheItemThatNeedsItIsDueAndItIsNotDone()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system, consumerDue: Today.AddDays(60), producerDue: Today.AddDays(90));
        var (id, etag) = await RequestedAsync(system, consumer, producer);
        async Task<IReadOnlyList<string>> ReasonsAsync() => [.. (await GetAsync(system, id))["offTrackReasons"]!.AsArray().Select(r => r!.GetValue<string>())];

        var dueLater = await ReasonsAsync();
        await SetItemAsync(system, producer, i => i.DueOn = Today.AddDays(30));
        var dueSooner = await ReasonsAsync();
        var accepted = await PostAsync(system, system.CouncilLead, id, "accept", new { committedOn = Iso(Today.AddDays(75)) }, etag);
        var promisedLater = await ReasonsAsync();
        await SetItemAsync(system, producer, i => (i.Status, i.BlockedReason, i.BlockedOnOrganisationId) = (WorkItemStatus.Blocked, "No staff", system.IcbId));
        await SetItemAsync(system, consumer, i => i.DueOn = Today.AddDays(-3));
        var blockedAndLate = await ReasonsAsync();
        await SetItemAsync(system, producer, i => (i.Status, i.BlockedReason, i.BlockedOnOrganisationId) = (WorkItemStatus.Done, null, null));
        var done = await ReasonsAsync();
        var board = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/work");

        Assert.Equal([$"Reablement staff rota is due on {Words(Today.AddDays(90))}, after Falls clinic pathway is due on {Words(Today.AddDays(60))}"], dueLater);
        Assert.Empty(dueSooner);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal([$"Westford Council committed to {Words(Today.AddDays(75))}, after Falls clinic pathway is due on {Words(Today.AddDays(60))}"], promisedLater);
        Assert.Equal([$"Westford Council committed to {Words(Today.AddDays(75))}, after Falls clinic pathway is due on {Words(Today.AddDays(-3))}",
            "Reablement staff rota is blocked", $"Reablement staff rota is not done, and Falls clinic pathway was due on {Words(Today.AddDays(-3))}"], blockedAndLate);
        Assert.Empty(done);
        Assert.DoesNotContain("At risk because of", board.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatePromisedInTime_StandsForTheItemsLaterDueDate()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system, consumerDue: Today.AddDays(30), producerDue: Today.AddDays(60));
        var (id, etag) = await RequestedAsync(system, consumer, producer);

        var before = await GetAsync(system, id);
        var accepted = await PostAsync(system, system.CouncilLead, id, "accept", new { committedOn = Iso(Today.AddDays(20)) }, etag);

        Assert.True(before["isOffTrack"]!.GetValue<bool>());
        Assert.False((await accepted.JsonAsync())["isOffTrack"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnOffTrackDependency_PutsTheConsumingItemAtRisk_OnTheBoardAndItsPage()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system, consumerDue: Today.AddDays(30), producerDue: Today.AddDays(60));
        await RequestedAsync(system, consumer, producer);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);

        var board = await trust.GetAsync($"/systems/{system.Id}/work");
        var page = await trust.GetAsync($"/systems/{system.Id}/work/items/{consumer}");

        Assert.Contains("At risk because of Westford Council's Reablement staff rota", board.Text("#column-Backlog + ul"), StringComparison.Ordinal);
        Assert.Contains("At risk because of Westford Council's Reablement staff rota", page.Text("main"), StringComparison.Ordinal);
        Assert.Contains("Off track", page.Text("#depends-on + table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemPage_TheConsumerAsks_OnlyTheProducerSeesTheAnswerForms_AndAcceptsWithADate_WithoutScript()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var council = await PageClient.SignedInAsync(App, system.CouncilLead);
        var consumerPage = await trust.GetAsync($"/systems/{system.Id}/work/items/{consumer}");

        var nothingChosen = await consumerPage.SubmitAsync("form[action*='handler=Request']", new() { ["ProducerItemId"] = "" });
        var asked = await consumerPage.SubmitAsync("form[action*='handler=Request']", new()
        {
            ["ProducerItemId"] = producer.ToString(), ["Note"] = "Two reablement workers on Saturdays",
        });
        var asTrust = await trust.GetAsync($"/systems/{system.Id}/work/items/{producer}");
        var producerPage = await council.GetAsync($"/systems/{system.Id}/work/items/{producer}");
        var answering = await council.GetAsync($"/systems/{system.Id}/work/items/{producer}{producerPage.Document.QuerySelector("#needed-by + table a[href^='?answer=']")!.GetAttribute("href")}");
        var noDate = await answering.SubmitAsync("form[action*='handler=Accept']", new() { ["CommittedOn.Day"] = "" });
        var accepted = await answering.SubmitAsync("form[action*='handler=Accept']", new() { ["CommittedOn"] = Today.AddDays(45) });
        var read = await trust.GetAsync($"/systems/{system.Id}/work/items/{consumer}");

        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.Status);
        Assert.Equal(["Select the item this one needs"], nothingChosen.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, asked.Status);
        Assert.Null(asTrust.Document.QuerySelector("a[href^='?answer=']"));
        Assert.Contains("Two reablement workers on Saturdays", producerPage.Text("#needed-by + table"), StringComparison.Ordinal);
        Assert.Null(producerPage.Document.QuerySelector("form[action*='handler=Accept']"));
        Assert.NotNull(answering.Document.QuerySelector("form[action*='handler=Decline']"));
        Assert.Equal(HttpStatusCode.BadRequest, noDate.Status);
        Assert.Equal(["Enter the date you commit to"], noDate.ErrorSummary);
        Assert.Equal(HttpStatusCode.Found, accepted.Status);
        Assert.Contains($"Westford Council committed to {Words(Today.AddDays(45))}", read.Text("#depends-on + table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACycle_IsRefused_NamingEveryItemInIt()
    {
        var system = await App.CreateSystemAsync();
        var stream = await StartWorkstreamAsync(system);
        var a = await AddItemAsync(system, stream, system.TrustLead, system.TrustId, "Falls clinic pathway", null);
        var b = await AddItemAsync(system, stream, system.CouncilLead, system.CouncilId, "Reablement staff rota", null);
        var c = await AddItemAsync(system, stream, system.TrustLead, system.TrustId, "Discharge lounge", null);
        await RequestedAsync(system, a, b);
        await RequestedAsync(system, b, c, system.CouncilLead);

        var closing = await RequestAsync(system, system.TrustLead, c, a);
        var itself = await RequestAsync(system, system.TrustLead, a, a);
        var again = await RequestAsync(system, system.TrustLead, a, b);
        var sameOrganisation = await RequestAsync(system, system.TrustLead, a, c);

        Assert.Equal(HttpStatusCode.BadRequest, closing.StatusCode);
        Assert.Equal("That would make a cycle, so no item in it could finish first: Discharge lounge → Falls clinic pathway → Reablement staff rota → Discharge lounge",
            (await closing.JsonAsync())["errors"]!["ProducerItemId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.Equal("Falls clinic pathway already waits on Reablement staff rota", (await again.JsonAsync())["errors"]!["ProducerItemId"]![0]!.GetValue<string>());
        // Within one organisation there is no one else to ask, so the link is made at once.
        Assert.Equal(HttpStatusCode.Created, sameOrganisation.StatusCode);
        Assert.Equal("Accepted", (await sameOrganisation.JsonAsync())["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task WhoWaitsOnWhom_CountsOpenDependencies_AndOffTrackOnes_AndTheListDownloadsAsCsv()
    {
        var system = await App.CreateSystemAsync();
        var stream = await StartWorkstreamAsync(system);
        var clinic = await AddItemAsync(system, stream, system.TrustLead, system.TrustId, "Falls clinic pathway", Today.AddDays(30));
        var lounge = await AddItemAsync(system, stream, system.TrustLead, system.TrustId, "Discharge lounge", Today.AddDays(120));
        var rota = await AddItemAsync(system, stream, system.CouncilLead, system.CouncilId, "Reablement staff rota", Today.AddDays(60));
        var adaptations = await AddItemAsync(system, stream, system.CouncilLead, system.CouncilId, "Home adaptations", Today.AddDays(200));
        await RequestedAsync(system, clinic, rota);
        await RequestedAsync(system, lounge, rota);
        await RequestedAsync(system, adaptations, lounge, system.CouncilLead);
        var (declined, etag) = await RequestedAsync(system, clinic, adaptations);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(system, system.CouncilLead, declined, "decline", new { reason = "Not this year" }, etag)).StatusCode);
        var viewer = await ApiClient.ForAsync(App, system.Viewer);

        var matrix = await (await viewer.GetAsync($"{Url(system)}/dependencies/who-waits-on-whom", Ct)).JsonAsync();
        var offTrack = await (await viewer.GetAsync($"{Url(system)}/dependencies?waitingOrganisationId={system.TrustId}&offTrack=true", Ct)).JsonAsync();
        var csv = await viewer.GetAsync($"{Url(system)}/dependencies.csv?waitedOnOrganisationId={system.CouncilId}", Ct);
        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/work/dependencies");

        var cells = matrix["cells"]!.AsArray().Select(c => (c!["waitingOrganisation"]!.GetValue<string>(), c["waitedOnOrganisation"]!.GetValue<string>(),
            c["open"]!.GetValue<int>(), c["offTrack"]!.GetValue<int>())).Order().ToList();
        Assert.Equal([("Westford Council", "Westford Hospitals NHS Trust", 1, 0), ("Westford Hospitals NHS Trust", "Westford Council", 2, 1)], cells);
        Assert.Equal(["Falls clinic pathway"], offTrack.AsArray().Select(d => d!["consumer"]!["title"]!.GetValue<string>()));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,waiting_organisation,item,item_due,waited_on_organisation,needs,needs_due,needs_status,state,requested_on,committed_date,decline_reason,off_track,off_track_because",
            lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.Contains(",Declined,", StringComparison.Ordinal) && l.Contains(",Not this year,no,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Falls clinic pathway", StringComparison.Ordinal) && l.Contains(",Requested,", StringComparison.Ordinal) && l.Contains(",yes,", StringComparison.Ordinal));
        var cellLink = page.Document.QuerySelector($"a[href='?waitingId={system.TrustId}&waitedOnId={system.CouncilId}#list']")!;
        Assert.StartsWith("2 open", cellLink.TextContent, StringComparison.Ordinal);
        var svg = page.Document.QuerySelector("svg.concordat-dependency-graph")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("Westford Hospitals NHS Trust waits on Westford Council for 2 items, 1 off track.", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var filtered = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/work/dependencies{cellLink.GetAttribute("href")}");
        Assert.Equal("2 dependencies", filtered.Text("#list ~ table caption"));
    }

    [Fact]
    public async Task WaitingOnTheProducingOrganisation_RequestsToAnswer_OffTrackPromises_AndItemsBlockedOnIt_UntilTheyAreDealtWith()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system, consumerDue: Today.AddDays(30), producerDue: Today.AddDays(20));
        var councilLead = new Actor(system.CouncilLead.Id, system.CouncilLead.Name, false, system.Id, [new ActorMembership(system.CouncilId, "Westford Council", Role.OrganisationLead)]);
        var trustLead = new Actor(system.TrustLead.Id, system.TrustLead.Name, false, system.Id, [new ActorMembership(system.TrustId, "Westford Hospitals NHS Trust", Role.OrganisationLead)]);
        async Task<IReadOnlyList<(WaitingKind, string)>> WaitingAsync(Actor actor)
        {
            await using var scope = App.Database(system.Id);
            return [.. (await scope.Get<DependencyService>().WaitingForAsync(actor, Ct)).Select(w => (w.Kind, w.Text))];
        }

        var before = await WaitingAsync(councilLead);
        var (id, etag) = await RequestedAsync(system, consumer, producer);
        var requested = await WaitingAsync(councilLead);
        var accepted = await PostAsync(system, system.CouncilLead, id, "accept", new { committedOn = Iso(Today.AddDays(45)) }, etag);
        var promisedLate = await WaitingAsync(councilLead);
        await SetItemAsync(system, consumer, i => (i.Status, i.BlockedReason, i.BlockedOnOrganisationId) = (WorkItemStatus.Blocked, "Waiting for the rota", system.CouncilId));
        var blocked = await WaitingAsync(councilLead);
        var trustSees = await WaitingAsync(trustLead);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(system, system.CouncilLead, id, "delivery", null, accepted.Headers.ETag!.ToString())).StatusCode);
        await SetItemAsync(system, consumer, i => (i.Status, i.BlockedReason, i.BlockedOnOrganisationId) = (WorkItemStatus.Doing, null, null));
        var after = await WaitingAsync(councilLead);

        Assert.Empty(before);
        Assert.Equal([(WaitingKind.DependencyRequest, "Westford Hospitals NHS Trust needs Reablement staff rota for Falls clinic pathway")], requested);
        Assert.Equal([(WaitingKind.DependencyOffTrack, "Reablement staff rota is off track for Westford Hospitals NHS Trust's Falls clinic pathway")], promisedLate);
        Assert.Equal([(WaitingKind.DependencyOffTrack, "Reablement staff rota is off track for Westford Hospitals NHS Trust's Falls clinic pathway"),
            (WaitingKind.BlockedOnYou, "Westford Hospitals NHS Trust's Falls clinic pathway is blocked on Westford Council")], blocked);
        Assert.Empty(trustSees);
        Assert.Empty(after);
    }

    [Fact]
    public async Task TheHealthCheck_FailsADependencyOffTrackForLongerThanSixWeeks_NotOneOffTrackForLess()
    {
        var system = await App.CreateSystemAsync();
        var (consumer, producer) = await TwoItemsAsync(system, consumerDue: Today.AddDays(-HealthCheck.DependencyOffTrackDays + 5), producerDue: Today.AddDays(-60));
        await RequestedAsync(system, consumer, producer);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        async Task<IReadOnlyList<string>> FindingsAsync() =>
            [.. (await (await convenor.GetAsync($"{Url(system)}/strategy/health-check", Ct)).JsonAsync())["systemFindings"]!.AsArray().Select(f => f!["check"]!.GetValue<string>())];

        var notYet = await FindingsAsync();
        await SetItemAsync(system, consumer, i => i.DueOn = Today.AddDays(-HealthCheck.DependencyOffTrackDays - 5));
        var tooLong = await FindingsAsync();

        Assert.Empty(notYet);
        Assert.Equal([HealthCheck.DependencyOffTrack], tooLong);
    }

    private static string Words(DateOnly date) => Core.Words.Prose.Date(date);
}

public sealed class DependenciesApiSqliteTests(SqliteApp app) : DependenciesApiTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class DependenciesApiPostgresTests(PostgresApp app) : DependenciesApiTests(app, DatabaseKind.Postgres);
