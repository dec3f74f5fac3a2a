using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Strategy;

/// <summary>The strategy's own words: written by convenors, sanitised, audited, and carried by every published version.</summary>
public abstract class StrategyNarrativeTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private const string Vision = "Everyone in Westford lives a longer, healthier life.<script>alert('x')</script>";

    private static object Narrative(string vision = Vision, params object[] documents) => new
    {
        vision,
        principles = "- Start with the worst outcomes\n- Decide close to neighbourhoods",
        context = "About 300,000 people live in Westford.\n\nOne in four is over 65.",
        enablingStrategies = "# Workforce\nOne workforce plan across health and care.",
        documents = documents.Length > 0 ? documents : [new { kind = "JointForwardPlan", title = "Westford joint forward plan", url = "https://example.org/westford/jfp" }],
    };

    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, TestSystem system, object body, string? ifMatch) =>
        await client.PutJsonAsync($"/api/v1/systems/{system.Id}/strategy/narrative", body, ifMatch);

    [Fact]
    public async Task Convenor_WritesTheWords_Sanitised_Audited_AndConcurrencySafe_LeadsAndViewersCannot()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var byLead = await WriteAsync(await ApiClient.ForAsync(App, system.TrustLead), system, Narrative(), null);
        var byViewer = await WriteAsync(await ApiClient.ForAsync(App, system.Viewer), system, Narrative(), null);
        var empty = await (await convenor.GetAsync($"/api/v1/systems/{system.Id}/strategy/narrative", Ct)).JsonAsync();
        var first = await WriteAsync(convenor, system, Narrative(), null);
        var withoutVersion = await WriteAsync(convenor, system, Narrative("Overwritten"), null);
        var second = await WriteAsync(convenor, system, Narrative("A healthier Westford."), first.Headers.ETag!.ToString());
        var stale = await WriteAsync(convenor, system, Narrative("Stale"), first.Headers.ETag!.ToString());
        var read = await (await (await ApiClient.ForAsync(App, system.Viewer)).GetAsync($"/api/v1/systems/{system.Id}/strategy/narrative", Ct)).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Null(empty["version"]);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Everyone in Westford lives a longer, healthier life.", (await first.JsonAsync())["vision"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("A healthier Westford.", read["vision"]!.GetValue<string>());
        Assert.Equal("https://example.org/westford/jfp", read["documents"]![0]!["url"]!.GetValue<string>());
        await using var scope = App.Database(system.Id);
        var audits = await scope.Db.AuditEvents.Where(e => e.Action == "StrategyNarrativeChanged").OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(2, audits.Count);
        Assert.Null(audits[0].BeforeJson);
        Assert.DoesNotContain("script", audits[0].AfterJson, StringComparison.Ordinal);
        Assert.Contains("A healthier Westford.", audits[1].AfterJson);
        var history = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/changes");
        Assert.Contains("The strategy's own words changed", history.Text("main"));
    }

    [Fact]
    public async Task Documents_NeedATitleAndAWebAddress()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var bad = await WriteAsync(convenor, system, Narrative(Vision,
            new { kind = "JointStrategicNeedsAssessment", title = "Westford JSNA", url = "ftp://example.org/jsna" },
            new { kind = "HealthAndWellbeingStrategy", title = "", url = "example.org/hwbs" },
            new { title = "No kind", url = "javascript:alert(1)" }), null);
        var good = await WriteAsync(convenor, system, Narrative(Vision,
            new { kind = "JointStrategicNeedsAssessment", title = "Westford JSNA", url = "http://example.org/jsna" },
            new { kind = "HealthAndWellbeingStrategy", title = "Westford health and wellbeing strategy", url = "https://example.org/hwbs" }), null);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync())["errors"]!.AsObject();
        const string notAnAddress = "Enter the document's full address, starting https:// or http://, like https://example.org/joint-forward-plan";
        Assert.Equal(notAnAddress, errors["Documents[0].Url"]![0]!.GetValue<string>());
        Assert.Equal(notAnAddress, errors["Documents[1].Url"]![0]!.GetValue<string>());
        Assert.Equal("Enter the document's title", errors["Documents[1].Title"]![0]!.GetValue<string>());
        Assert.Equal("Select what kind of document it is", errors["Documents[2].Kind"]![0]!.GetValue<string>());
        Assert.Equal(notAnAddress, errors["Documents[2].Url"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(["Westford JSNA", "Westford health and wellbeing strategy"],
            (await good.JsonAsync())["documents"]!.AsArray().Select(d => d!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task APublishedVersion_CarriesTheWords_InequalityLens_Owners_AndPerspectives_AndTheComparisonShowsTheWordsChanged()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}";
        var forum = (await (await convenor.PostAsJsonAsync($"{url}/forums", new { name = "Westford Integrated Care Partnership", kind = "IntegratedCarePartnership" }, Ct))
            .JsonAsync())["id"]!.GetValue<string>();
        var goal = await convenor.PostAsJsonAsync($"{url}/goals", new
        {
            title = "Fewer falls", outcomeStatement = "By March 2028, 20% fewer falls needing hospital care.", population = "People aged 65 and over", wholeSystem = true,
            horizon = "2028-03-31", leadOrganisationId = system.TrustId, inequalityLens = "Core20PLUS5: the most deprived 20%", owningForumId = forum,
            jointOwnerIds = new[] { system.CouncilId },
        }, Ct);
        var goalId = (await goal.JsonAsync())["id"]!.GetValue<string>();
        var perspective = await (await ApiClient.ForAsync(App, system.TrustLead)).PutAsJsonAsync($"{url}/goals/{goalId}/perspectives/{system.TrustId}",
            new { whatItMeans = "Fewer fractures on our wards", whatWorriesUs = "Therapist vacancies" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, perspective.StatusCode);
        var written = await WriteAsync(convenor, system, Narrative(), null);
        Assert.Equal(HttpStatusCode.Created, (await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "Version 1" }, Ct)).StatusCode);
        await WriteAsync(convenor, system, Narrative("Everyone in Westford lives a longer, happier life."), written.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.Created, (await convenor.PostAsJsonAsync($"{url}/strategy/versions", new { note = "Version 2" }, Ct)).StatusCode);

        var version = await (await convenor.GetAsync($"{url}/strategy/versions/1", Ct)).JsonAsync();
        var comparison = await (await convenor.GetAsync($"{url}/strategy/comparison?from=1&to=2", Ct)).JsonAsync();
        var pages = await PageClient.SignedInAsync(App, system.Viewer);
        var versionPage = await pages.GetAsync($"/systems/{system.Id}/strategy/versions/1");
        var comparePage = await pages.GetAsync($"/systems/{system.Id}/strategy/compare?from=1&to=2");
        var markdown = await pages.Http.GetStringAsync($"/systems/{system.Id}/strategy/markdown", Ct);

        var document = version["document"]!;
        Assert.Equal("Everyone in Westford lives a longer, healthier life.", document["narrative"]!["vision"]!.GetValue<string>());
        Assert.Equal("Westford joint forward plan", document["narrative"]!["documents"]![0]!["title"]!.GetValue<string>());
        var published = document["goals"]![0]!;
        Assert.Equal("Core20PLUS5: the most deprived 20%", published["inequalityLens"]!.GetValue<string>());
        Assert.Equal("Westford Integrated Care Partnership", published["owningForum"]!.GetValue<string>());
        Assert.Equal(["Westford Council"], published["jointOwners"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Owned by Westford Integrated Care Partnership and jointly by Westford Council; led by Westford Hospitals NHS Trust, with no senior responsible owner named.",
            published["ownership"]!.GetValue<string>());
        var trust = Assert.Single(published["perspectives"]!.AsArray())!;
        Assert.Equal(("Westford Hospitals NHS Trust", "Fewer fractures on our wards", "Therapist vacancies"),
            (trust["organisation"]!.GetValue<string>(), trust["whatItMeans"]!.GetValue<string>(), trust["whatWorriesUs"]!.GetValue<string>()));

        var vision = Assert.Single(comparison["narrative"]!.AsArray())!;
        Assert.Equal("Our vision", vision["field"]!.GetValue<string>());
        Assert.Equal(["healthier"], Words(vision["words"]!, "Removed"));
        Assert.Equal(["happier"], Words(vision["words"]!, "Added"));
        Assert.True(comparison["hasChanges"]!.GetValue<bool>());

        Assert.Contains("Everyone in Westford lives a longer, healthier life.", versionPage.Text("#narrative-our-vision"));
        Assert.Null(versionPage.Document.QuerySelector("#narrative-our-vision script"));
        Assert.Equal("https://example.org/westford/jfp", versionPage.Document.QuerySelector("#related-documents a")!.GetAttribute("href"));
        Assert.Contains("Core20PLUS5: the most deprived 20%", versionPage.Text($"#goal-{goalId}"));
        Assert.Contains("Owned by Westford Integrated Care Partnership", versionPage.Text($"#goal-{goalId}"));
        Assert.Contains("Therapist vacancies", versionPage.Text($"#goal-{goalId} .concordat-strategy__perspective"));
        Assert.Contains("happier", comparePage.Text("#narrative-changes ins"));
        Assert.Contains("## Our vision", markdown);
        Assert.Contains("### Workforce", markdown);
        Assert.Contains("- Joint forward plan: [Westford joint forward plan](<https://example.org/westford/jfp>)", markdown);
        Assert.Contains("- Inequality lens: Core20PLUS5: the most deprived 20%", markdown);
        Assert.Contains("  - What worries us: Therapist vacancies", markdown);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
    }

    private static string[] Words(JsonNode words, string change) =>
        [.. words.AsArray().Where(w => w!["change"]!.GetValue<string>() == change).Select(w => w!["text"]!.GetValue<string>().Trim())];

    [Fact]
    public async Task Pages_ConvenorWritesThroughTheForm_BadLinksAreNamedBesideTheirRow_LeadsCannotOpenIt()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var form = await client.GetAsync($"/systems/{system.Id}/strategy/narrative/edit");

        var bad = await form.SubmitAsync("main form", new()
        {
            ["Input.Vision"] = "A healthier Westford <b>for all</b>",
            ["Input.Documents[1].Kind"] = "JointForwardPlan", ["Input.Documents[1].Title"] = "Plan", ["Input.Documents[1].Url"] = "not an address",
        });
        var good = await bad.SubmitAsync("main form", new()
        {
            ["Input.Vision"] = "A healthier Westford <b>for all</b>",
            ["Input.Documents[1].Kind"] = "JointForwardPlan", ["Input.Documents[1].Title"] = "Plan", ["Input.Documents[1].Url"] = "https://example.org/plan",
        });
        var leadEdit = await lead.GetAsync($"/systems/{system.Id}/strategy/narrative/edit");

        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["Enter the document's full address, starting https:// or http://, like https://example.org/joint-forward-plan"], bad.ErrorSummary);
        Assert.Contains("Enter the document's full address", bad.Text("#document-1"));
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        var page = await good.FollowAsync();
        Assert.Equal("A healthier Westford for all", page.Text("#vision p"));
        Assert.Equal("Plan", page.Text("#related-documents a"));
        var asLead = await lead.GetAsync($"/systems/{system.Id}/strategy/narrative");
        Assert.Equal("A healthier Westford for all", asLead.Text("#vision p"));
        Assert.Null(asLead.Document.QuerySelector($"a[href='/systems/{system.Id}/strategy/narrative/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, leadEdit.Status);
    }

    [Fact]
    public async Task TheWordsAreShownAsFormattedText_HeadingsBelowTheirSection_AndNoLinkLeadsToScript()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var written = await WriteAsync(convenor, system, new
        {
            vision = "A **healthier** Westford, as [the partnership](https://example.org/icp) agreed",
            principles = "- Start with the worst outcomes\n- Decide close to neighbourhoods",
            enablingStrategies = "# Workforce\nOne plan. [Press here](javascript:alert(1)) or [here](JavaScript:alert(2)) or https://example.org/people",
        }, null);
        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync(Ct));

        var page = await (await PageClient.SignedInAsync(App, system.Viewer)).GetAsync($"/systems/{system.Id}/strategy/narrative");

        Assert.Equal("healthier", page.Text("#vision p strong"));
        Assert.Equal("https://example.org/icp", page.Document.QuerySelector("#vision p a")!.GetAttribute("href"));
        Assert.Equal(["Start with the worst outcomes", "Decide close to neighbourhoods"], page.Document.QuerySelectorAll("#principles ul li").Select(li => li.TextContent));
        // A heading the convenor starts with # sits below the section's own heading.
        Assert.Equal("Workforce", page.Text("#enabling-strategies h3"));
        var links = page.Document.QuerySelectorAll("#enabling-strategies a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.DoesNotContain(links, l => l.Item2?.Contains("script", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains(("https://example.org/people", "https://example.org/people"), links);
        Assert.Contains("Press here", page.Text("#enabling-strategies"));
    }
}

public sealed class StrategyNarrativeSqliteTests(SqliteApp app) : StrategyNarrativeTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class StrategyNarrativePostgresTests(PostgresApp app) : StrategyNarrativeTests(app, DatabaseKind.Postgres);
