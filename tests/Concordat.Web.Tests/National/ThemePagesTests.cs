using System.Net;
using Concordat.Core.National;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.National;

/// <summary>
/// A national body's themes on its partners' pages: starting one, linking asks from several systems, seeing every system
/// behind it, and one response that reaches each system's own ask. Only the body's own partners see or change its themes.
/// </summary>
public abstract class ThemePagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly Guid Cqc = NationalBody.Standard.Single(b => b.Kind == NationalBodyKind.CareQualityCommission).Id;
    private static readonly Guid Nhse = NationalBody.Standard.Single(b => b.Name == "NHS England").Id;

    private static void ReadsAsProse(PageResponse page)
    {
        var problems = ProseCheck.Problems(ProseCheck.VisibleText(page.Document)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>A theme of NHS England's, started on the page by a new partner of it, with nothing linked yet.</summary>
    private async Task<(PageClient Pages, string Url)> ThemeAsync(string title = "Pooling discharge funding")
    {
        var pages = await PageClient.SignedInAsync(App, await App.NationalPartnerAsync(Nhse, "Rhea Region", Ct));
        var started = await (await pages.GetAsync("/national/themes")).SubmitAsync("#theme-form", new() { ["Input.Title"] = title, ["Input.ResponseDueAtSystems"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        return (pages, started.Response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task APartnerStartsATheme_LinksTwoSystemsAsks_AndOneQuestionReachesBothSystems()
    {
        var first = await App.CreateSystemAsync();
        var second = await App.CreateSystemAsync();
        var firstAsk = await App.AskAsync(first, Nhse, "Pool the discharge fund in Westford", AskStage.Submitted, Ct);
        var secondAsk = await App.AskAsync(second, Nhse, "One discharge budget for the place", AskStage.Submitted, Ct);
        var pages = await PageClient.SignedInAsync(App, await App.NationalPartnerAsync(Nhse, "Rhea Region", Ct));

        var home = await pages.GetAsync("/national");
        var inbox = await pages.GetAsync("/national/asks");
        var list = await pages.GetAsync("/national/themes");
        var noTitle = await list.SubmitAsync("#theme-form", new() { ["Input.Title"] = "  ", ["Input.ResponseDueAtSystems"] = "2" });
        var badNumber = await list.SubmitAsync("#theme-form", new() { ["Input.Title"] = "Pooling discharge funding", ["Input.ResponseDueAtSystems"] = "two" });
        var started = await list.SubmitAsync("#theme-form", new()
        {
            ["Input.Title"] = "Pooling discharge funding", ["Input.Description"] = "Systems asking to pool the discharge fund.", ["Input.ResponseDueAtSystems"] = "2",
        });
        var empty = await started.FollowAsync();
        var linkedFirst = await (await empty.SubmitAsync("#link-form", new() { ["AskId"] = firstAsk.ToString() })).FollowAsync();
        var nothingSelected = await linkedFirst.SubmitAsync("#link-form", new() { ["AskId"] = "" });
        var theme = await (await linkedFirst.SubmitAsync("#link-form", new() { ["AskId"] = secondAsk.ToString() })).FollowAsync();
        var listed = await pages.GetAsync("/national/themes");
        var askPage = await pages.GetAsync($"/national/asks/{firstAsk}");
        var nothingChosen = await theme.SubmitAsync("#respond-form", new() { ["Input.Text"] = "" });
        var asked = await theme.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "Question", ["Input.Text"] = "Which discharge services would the pooled fund pay for?" });
        var confirmation = await asked.FollowAsync();
        // The page read before the question still shows the form; neither ask waits on the body now.
        var again = await theme.SubmitAsync("#respond-form", new() { ["Input.Kind"] = "Question", ["Input.Text"] = "And from when?" });
        var firstAfter = await pages.GetAsync($"/national/asks/{firstAsk}");
        var secondAfter = await pages.GetAsync($"/national/asks/{secondAsk}");

        Assert.Equal("/national/themes", home.Document.QuerySelector("#themes-link")?.GetAttribute("href"));
        Assert.Equal("/national/themes", inbox.Document.QuerySelector("#themes-link")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.Status);
        Assert.Equal(["Enter the theme's title"], noTitle.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.Status);
        Assert.Equal(["Enter how many systems make a national response due, from 1 to 100"], badNumber.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        Assert.Equal("Pooling discharge funding", empty.Text("h1"));
        Assert.Equal("Systems asking to pool the discharge fund.", empty.Text("#theme-description"));
        Assert.NotNull(empty.Document.QuerySelector("#theme-asks-empty"));
        Assert.Null(empty.Document.QuerySelector("#respond-form"));
        Assert.Equal(HttpStatusCode.BadRequest, nothingSelected.Status);
        Assert.Equal(["Select an ask addressed to your body"], nothingSelected.ErrorSummary);
        Assert.Contains(first.Name, theme.Text("#theme-asks"));
        Assert.Contains(second.Name, theme.Text("#theme-asks"));
        Assert.Contains("Your body's, 0 working days", theme.Text("#theme-asks"));
        Assert.Equal(new[] { $"/national/asks/{firstAsk}", $"/national/asks/{secondAsk}" }.Order(StringComparer.Ordinal),
            theme.Document.QuerySelectorAll("#theme-asks a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.Equal("2 systems behind this theme; a national response is due from 2 systems.", theme.Text("#theme-systems"));
        Assert.Contains("2 asks", theme.Text("#theme-outcome-mix"));
        Assert.NotNull(theme.Document.QuerySelector("#theme-due"));
        Assert.DoesNotContain(theme.Document.QuerySelectorAll("#AskId option"), o => o.GetAttribute("value") == firstAsk.ToString());
        var row = listed.Document.QuerySelectorAll("#theme-list tr").Single(r => r.QuerySelector($"a[href='{started.Response.Headers.Location!.OriginalString}']") is not null);
        Assert.Contains("2 systems", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("National response due", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Pooling discharge funding", askPage.Text("#ask-themes"));
        Assert.Equal(HttpStatusCode.BadRequest, nothingChosen.Status);
        Assert.Equal(["Select your body's response"], nothingChosen.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal(
            new[] { $"{first.Name}: Pool the discharge fund in Westford", $"{second.Name}: One discharge budget for the place" }.Order(StringComparer.Ordinal),
            confirmation.Document.QuerySelectorAll("#theme-answered li").Select(l => l.TextContent.Trim()).Order(StringComparer.Ordinal));
        Assert.Null(confirmation.Document.QuerySelector("#theme-not-answered"));
        Assert.Null(confirmation.Document.QuerySelector("#respond-form"));
        Assert.NotNull(confirmation.Document.QuerySelector("#respond-closed"));
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Single(again.ErrorSummary);
        Assert.Contains("Which discharge services would the pooled fund pay for?", firstAfter.Text("#iteration-2"));
        Assert.Contains("Which discharge services would the pooled fund pay for?", secondAfter.Text("#iteration-2"));
        ReadsAsProse(listed);
        ReadsAsProse(theme);
        ReadsAsProse(confirmation);
        await using var scope = App.Database(first.Id);
        Assert.Equal(2, await scope.Db.AskIterations.CountAsync(i => i.AskId == firstAsk, Ct));
    }

    [Fact]
    public async Task AnAskIsUnlinked_AndItsSystemLeavesTheTheme()
    {
        var first = await App.CreateSystemAsync();
        var second = await App.CreateSystemAsync();
        var firstAsk = await App.AskAsync(first, Nhse, "Pool the discharge fund in Westford", AskStage.Submitted, Ct);
        var secondAsk = await App.AskAsync(second, Nhse, "One discharge budget for the place", AskStage.Submitted, Ct);
        var (pages, url) = await ThemeAsync();
        var page = await pages.GetAsync(url);
        page = await (await page.SubmitAsync("#link-form", new() { ["AskId"] = firstAsk.ToString() })).FollowAsync();
        page = await (await page.SubmitAsync("#link-form", new() { ["AskId"] = secondAsk.ToString() })).FollowAsync();

        var unlinked = await page.SubmitAsync($"#unlink-{firstAsk}", new());
        var after = await unlinked.FollowAsync();

        Assert.Equal(HttpStatusCode.Redirect, unlinked.Status);
        Assert.Equal([$"/national/asks/{secondAsk}"], after.Document.QuerySelectorAll("#theme-asks a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(first.Name, after.Text("#theme-asks"));
        Assert.Null(after.Document.QuerySelector("#theme-due"));
        Assert.Contains(after.Document.QuerySelectorAll("#AskId option"), o => o.GetAttribute("value") == firstAsk.ToString());
    }

    [Fact]
    public async Task AnotherBodysPartnerGets404_AndNoOneButAPartnerMayPost()
    {
        var system = await App.CreateSystemAsync();
        var ask = await App.AskAsync(system, Nhse, "Pool the discharge fund in Westford", AskStage.Submitted, Ct);
        var (pages, url) = await ThemeAsync();
        var linked = await (await pages.GetAsync(url)).SubmitAsync("#link-form", new() { ["AskId"] = ask.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, linked.Status);
        var cqc = await PageClient.SignedInAsync(App, await App.NationalPartnerAsync(Cqc, "Quinn Quality", Ct));
        var member = await PageClient.SignedInAsync(App, system.Convenor);

        var cqcPage = await cqc.GetAsync(url);
        var cqcList = await cqc.GetAsync("/national/themes");
        var cqcRespond = await PostAsync(cqc, $"{url}?handler=Respond", [new("Input.Kind", "Declined"), new("Input.Text", "Not this year.")]);
        var memberPage = await member.GetAsync(url);
        var memberList = await member.GetAsync("/national/themes");
        var memberStart = await PostAsync(member, "/national/themes", [new("Input.Title", "A theme of the member's")]);
        var memberRespond = await PostAsync(member, $"{url}?handler=Respond", [new("Input.Kind", "Declined"), new("Input.Text", "Not this year.")]);
        var memberUnlink = await PostAsync(member, $"{url}?handler=Unlink", [new("AskId", ask.ToString())]);

        Assert.Equal(HttpStatusCode.NotFound, cqcPage.Status);
        Assert.DoesNotContain(url, cqcList.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, cqcRespond.Status);
        Assert.Equal(HttpStatusCode.NotFound, memberPage.Status);
        Assert.Equal(HttpStatusCode.NotFound, memberList.Status);
        Assert.Equal(HttpStatusCode.NotFound, memberStart.Status);
        Assert.Equal(HttpStatusCode.NotFound, memberRespond.Status);
        Assert.Equal(HttpStatusCode.NotFound, memberUnlink.Status);
        var still = await pages.GetAsync(url);
        Assert.Equal([$"/national/asks/{ask}"], still.Document.QuerySelectorAll("#theme-asks a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Submitted", still.Text("#theme-asks"));
        await using var scope = App.Database(system.Id);
        Assert.Equal(1, await scope.Db.AskIterations.CountAsync(i => i.AskId == ask, Ct));
    }

    /// <summary>Posts with a valid antiforgery token of the person's own, so that only the page's own refusal answers.</summary>
    private static async Task<PageResponse> PostAsync(PageClient client, string url, KeyValuePair<string, string>[] fields)
    {
        var token = (await client.GetAsync("/account")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, [new("__RequestVerificationToken", token), .. fields]);
    }
}

public sealed class ThemePagesSqliteTests(SqliteApp app) : ThemePagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ThemePagesPostgresTests(PostgresApp app) : ThemePagesTests(app, DatabaseKind.Postgres);
