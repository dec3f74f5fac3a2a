using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Goals;

public abstract class PerspectiveTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task Perspectives_AreRecordedByEachOrganisation_AndShownSideBySide()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var trust = await PageClient.SignedInAsync(App, system.TrustLead);
        var council = await PageClient.SignedInAsync(App, system.CouncilContributor);

        var trustForm = await trust.GetAsync($"/systems/{system.Id}/goals/{goalId}/perspective");
        var empty = await trustForm.SubmitAsync("main form", []);
        var trustSaved = await trustForm.SubmitAsync("main form", new() { ["Input.WhatItMeans"] = "Fewer long stays on our frailty wards" });
        var councilForm = await council.GetAsync($"/systems/{system.Id}/goals/{goalId}/perspective");
        var councilSaved = await councilForm.SubmitAsync("main form", new() { ["Input.WhatWorriesUs"] = "Home care capacity in rural areas" });
        var page = await trust.GetAsync($"/systems/{system.Id}/goals/{goalId}");

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["Say what this goal means for your organisation, what you need from partners, or what worries you"], empty.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, trustSaved.Status);
        Assert.Equal(HttpStatusCode.Redirect, councilSaved.Status);
        var cards = page.Document.QuerySelectorAll("#perspectives + p + ul .nhsuk-card").Select(c => c.TextContent).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("Westford Council", cards[0]);
        Assert.Contains("Home care capacity in rural areas", cards[0]);
        Assert.Contains("Westford Hospitals NHS Trust", cards[1]);
        Assert.Contains("Fewer long stays on our frailty wards", cards[1]);
    }

    [Fact]
    public async Task Perspective_ForAnotherOrganisationOrByAViewer_IsForbidden_AndStaleEditsAreRefused()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var trust = await ApiClient.ForAsync(App, system.TrustLead);
        var url = $"/api/v1/systems/{system.Id}/goals/{goalId}/perspectives";

        var forCouncil = await trust.PutAsJsonAsync($"{url}/{system.CouncilId}", new { whatItMeans = "x" }, Ct);
        var byViewer = await (await ApiClient.ForAsync(App, system.Viewer)).PutAsJsonAsync($"{url}/{system.IcbId}", new { whatItMeans = "x" }, Ct);
        var first = await trust.PutAsJsonAsync($"{url}/{system.TrustId}", new { whatWeNeed = "Discharge to assess beds" }, Ct);
        var withoutVersion = await trust.PutAsJsonAsync($"{url}/{system.TrustId}", new { whatWeNeed = "Overwrite" }, Ct);
        var withVersion = await trust.PutJsonAsync($"{url}/{system.TrustId}", new { whatWeNeed = "Discharge to assess beds and therapists" }, first.Headers.ETag!.ToString());
        var stale = await trust.PutJsonAsync($"{url}/{system.TrustId}", new { whatWeNeed = "Stale" }, first.Headers.ETag!.ToString());
        var list = await (await trust.GetAsync(url, Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, forCouncil.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, withVersion.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("Discharge to assess beds and therapists", Assert.Single(list.AsArray())!["whatWeNeed"]!.GetValue<string>());
    }
}

public sealed class PerspectiveSqliteTests(SqliteApp app) : PerspectiveTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class PerspectivePostgresTests(PostgresApp app) : PerspectiveTests(app, DatabaseKind.Postgres);
