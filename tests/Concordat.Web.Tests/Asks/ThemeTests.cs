using System.Net;
using System.Net.Http.Json;
using Concordat.Core.National;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Asks;

/// <summary>
/// A national body links the same ask from several systems to one theme and answers them together; each system keeps its
/// own ask, and only the body addressed can link an ask, once submitted.
/// </summary>
public abstract class ThemeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly Guid Region = NationalBody.Standard.Single(b => b.Name == "NHS England North East and Yorkshire").Id;
    private static readonly Guid Cqc = NationalBody.Standard.Single(b => b.Name == "Care Quality Commission").Id;

    /// <summary>A system's council drafts an ask of the body; the trust and the council agree it; unless told not to, the council submits it.</summary>
    private async Task<(TestSystem System, string Url, Guid Id)> AskAsync(Guid body, string title, bool submit = true)
    {
        var system = await App.CreateSystemAsync();
        var council = await ApiClient.ForAsync(App, system.CouncilLead);
        var created = await council.PostAsJsonAsync($"/api/v1/systems/{system.Id}/asks", new
        {
            title, category = "FinancialFlexibility", nationalBodyId = body, barrier = "Two grants.", request = "Pool them.", ownerOrganisationId = system.CouncilId,
        }, Ct);
        var url = created.Headers.Location!.ToString();
        var id = Guid.Parse((await created.JsonAsync())["id"]!.GetValue<string>());
        if (!submit)
        {
            return (system, url, id);
        }
        var round = await (await council.PostAsJsonAsync($"{url}/rounds",
            new { closesOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)), requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } }, Ct)).JsonAsync();
        await (await ApiClient.ForAsync(App, system.TrustLead)).PostAsJsonAsync($"{url}/rounds/{round["id"]}/positions", new { organisationId = system.TrustId, position = "Consent" }, Ct);
        await council.PostAsJsonAsync($"{url}/rounds/{round["id"]}/positions", new { organisationId = system.CouncilId, position = "Consent" }, Ct);
        var submitted = await council.PostJsonAsync($"{url}/submission", new { }, (await council.GetAsync(url, Ct)).Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return (system, url, id);
    }

    [Fact]
    public async Task TheBody_LinksThreeSystemsAsks_AnswersThemTogether_AndTheAnswerReachesOnlyThoseWaitingOnIt()
    {
        var a = await AskAsync(Region, "Pool the discharge grants (A)");
        var b = await AskAsync(Region, "Pool the discharge grants (B)");
        var c = await AskAsync(Region, "Pool the discharge grants (C)");
        var region = await ApiClient.ForAsync(App, await App.CreateNationalPartnerAsync(Region));
        var created = await region.PostAsJsonAsync("/api/v1/national/themes", new { title = "Pooling discharge funding", responseDueAtSystems = 3 }, Ct);
        var themeUrl = created.Headers.Location!.ToString();
        await region.PostAsJsonAsync($"{themeUrl}/asks", new { askId = a.Id }, Ct);
        await region.PostAsJsonAsync($"{themeUrl}/asks", new { askId = b.Id }, Ct);
        var twoSystems = await (await region.GetAsync(themeUrl, Ct)).JsonAsync();
        var third = await (await region.PostAsJsonAsync($"{themeUrl}/asks", new { askId = c.Id }, Ct)).JsonAsync();
        var again = await region.PostAsJsonAsync($"{themeUrl}/asks", new { askId = c.Id }, Ct);

        var question = await (await region.PostAsJsonAsync($"{themeUrl}/responses", new { kind = "Question", text = "Would the ring-fence stay?" }, Ct)).JsonAsync();
        var councilB = await ApiClient.ForAsync(App, b.System.CouncilLead);
        await councilB.PostJsonAsync($"{b.Url}/iterations", new { kind = "Feedback", text = "Yes." }, (await councilB.GetAsync(b.Url, Ct)).Headers.ETag!.Tag);
        var partly = await (await region.PostAsJsonAsync($"{themeUrl}/responses",
            new { kind = "PartlyAgreed", text = "One return for both grants.", conditions = "Quarterly outcomes." }, Ct)).JsonAsync();
        var nobodyWaiting = await region.PostAsJsonAsync($"{themeUrl}/responses", new { kind = "Agreed" }, Ct);
        var exchangeA = await (await (await ApiClient.ForAsync(App, a.System.CouncilLead)).GetAsync($"{a.Url}/iterations", Ct)).JsonAsync();
        var askB = await (await councilB.GetAsync(b.Url, Ct)).JsonAsync();
        var themes = (await (await region.GetAsync("/api/v1/national/themes", Ct)).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(twoSystems["responseDue"]!.GetValue<bool>());
        Assert.True(third["responseDue"]!.GetValue<bool>());
        Assert.Equal(3, third["systems"]!.GetValue<int>());
        Assert.Equal("This ask is linked to the theme already", (await again.JsonAsync())["errors"]!["AskId"]![0]!.GetValue<string>());
        Assert.Equal(3, question["answered"]!.AsArray().Count);
        Assert.Empty(question["notAnswered"]!.AsArray());
        Assert.Equal([$"{b.System.Name}: Pool the discharge grants (B)"], partly["answered"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, partly["notAnswered"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, nobodyWaiting.StatusCode);
        // Each system keeps its own ask: the theme's question is A's own second iteration, naming the theme.
        var second = exchangeA["iterations"]!.AsArray()[1]!;
        Assert.Equal("Question", second["kind"]!.GetValue<string>());
        Assert.Equal("Pool the discharge grants (A)", (await (await (await ApiClient.ForAsync(App, a.System.CouncilLead)).GetAsync(a.Url, Ct)).JsonAsync())["title"]!.GetValue<string>());
        Assert.Equal("PartlyAgreed", askB["status"]!.GetValue<string>());
        Assert.Equal("Quarterly outcomes.", askB["conditions"]!.GetValue<string>());
        // The body's themes: this one, behind three systems (and, where the demo shares the database, the demo's own).
        Assert.Contains(themes, t => t!["title"]!.GetValue<string>() == "Pooling discharge funding" && t["systems"]!.GetValue<int>() == 3);
        await using var scope = App.Database(a.System.Id);
        Assert.Equal("Pooling discharge funding", await scope.Db.AskIterations.Where(i => i.AskId == a.Id && i.Number == 2).Select(i => i.ThemeTitle).SingleAsync(Ct));
        Assert.Equal(1, await scope.Db.AuditEvents.CountAsync(e => e.EntityId == a.Id && e.Action == "AskLinkedToTheme", Ct));
    }

    [Fact]
    public async Task OnlyTheBodyAddressed_LinksAnAsk_AndOnlyOnceSubmitted_AndNoOtherBodySeesItsThemes()
    {
        var region = await AskAsync(Region, "Pool the grants");
        var draft = await AskAsync(Region, "Still a draft", submit: false);
        var cqcAsk = await AskAsync(Cqc, "One joint review");
        var regionPartner = await ApiClient.ForAsync(App, await App.CreateNationalPartnerAsync(Region));
        var cqcPartner = await ApiClient.ForAsync(App, await App.CreateNationalPartnerAsync(Cqc));
        var themeUrl = (await regionPartner.PostAsJsonAsync("/api/v1/national/themes", new { title = "Pooling" }, Ct)).Headers.Location!.ToString();

        var otherBodysAsk = await regionPartner.PostAsJsonAsync($"{themeUrl}/asks", new { askId = cqcAsk.Id }, Ct);
        var draftAsk = await regionPartner.PostAsJsonAsync($"{themeUrl}/asks", new { askId = draft.Id }, Ct);
        var byCqc = await cqcPartner.PostAsJsonAsync($"{themeUrl}/asks", new { askId = cqcAsk.Id }, Ct);
        var readByCqc = await cqcPartner.GetAsync(themeUrl, Ct);
        var cqcThemes = (await (await cqcPartner.GetAsync("/api/v1/national/themes", Ct)).JsonAsync()).AsArray();
        var bySystem = await (await ApiClient.ForAsync(App, region.System.Convenor)).PostAsJsonAsync($"{themeUrl}/asks", new { askId = region.Id }, Ct);
        var noTitle = await regionPartner.PostAsJsonAsync("/api/v1/national/themes", new { title = "", responseDueAtSystems = 0 }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, otherBodysAsk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, draftAsk.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byCqc.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, readByCqc.StatusCode);
        Assert.Empty(cqcThemes);
        Assert.Equal(HttpStatusCode.NotFound, bySystem.StatusCode);
        var errors = (await noTitle.JsonAsync())["errors"]!;
        Assert.Equal("Enter the theme's title", errors["Title"]![0]!.GetValue<string>());
        Assert.Equal("Enter how many systems make a national response due, from 1 to 100", errors["ResponseDueAtSystems"]![0]!.GetValue<string>());
        await using var scope = App.Database();
        Assert.Equal(0, await scope.Db.Set<Core.Asks.ThemeAsk>().CountAsync(l => l.AskId == cqcAsk.Id || l.AskId == draft.Id, Ct));
    }
}

public sealed class ThemeSqliteTests(SqliteApp app) : ThemeTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ThemePostgresTests(PostgresApp app) : ThemeTests(app, DatabaseKind.Postgres);
