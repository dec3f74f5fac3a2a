using System.Net;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

public abstract class OrganisationPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static Dictionary<string, object?> NewOrganisation(string name, string? ods, params Guid[] places) => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = nameof(OrganisationType.Vcse),
        ["Input.OdsCode"] = ods,
        ["Input.PlaceIds"] = places.Select(p => p.ToString()).ToList(),
    };

    [Fact]
    public async Task Get_Organisations_ListsTheSystemsPartners()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await client.GetAsync($"/systems/{system.Id}/organisations");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var names = page.Document.QuerySelectorAll("tbody a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Test ICB", "Westford Council", "Westford Hospitals NHS Trust"], names);
    }

    [Fact]
    public async Task Post_New_BadOdsCode_RendersErrorSummaryAndSavesNothing()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var result = await form.SubmitAsync("main form", NewOrganisation("Westford Carers Trust", "RX-1!"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["ODS code must be 3 to 9 letters and numbers, like RX1 or A81001"], result.ErrorSummary);
        Assert.Equal("#Input_OdsCode", result.Document.QuerySelector(".nhsuk-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(result.Document.QuerySelector("#Input_OdsCode.nhsuk-input--error"));
        Assert.Equal("Westford Carers Trust", ((AngleSharp.Html.Dom.IHtmlInputElement)result.Document.QuerySelector("#Input_Name")!).Value);
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Organisations.AnyAsync(o => o.Name == "Westford Carers Trust", Ct));
    }

    [Fact]
    public async Task Post_New_EverythingMissing_ReportsEachField()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var result = await form.SubmitAsync("main form", new() { ["Input.Name"] = " ", ["Input.Type"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["Enter the organisation's name", "Select the type of organisation"], result.ErrorSummary);
    }

    [Fact]
    public async Task Post_New_OdsCodeUsedInThisSystem_IsRefused()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var result = await form.SubmitAsync("main form", NewOrganisation("Another trust", "rt1"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(["ODS code RT1 is already used by Westford Hospitals NHS Trust in this system"], result.ErrorSummary);
    }

    [Fact]
    public async Task Post_New_OdsCodeUsedInAnotherSystem_IsAccepted()
    {
        var other = await App.CreateSystemAsync();
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");
        await using (var scope = App.Database(other.Id))
        {
            scope.Db.Organisations.Add(new Organisation { SystemId = other.Id, Name = "Elsewhere", Type = OrganisationType.Hospice, OdsCode = "8ZZ01" });
            await scope.Db.SaveChangesAsync(Ct);
        }

        var result = await form.SubmitAsync("main form", NewOrganisation("Westford Hospice", "8zz01"));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
    }

    [Fact]
    public async Task Post_New_Valid_SavesRedirectsAndRecordsAuditEvent()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var result = await form.SubmitAsync("main form", NewOrganisation("Westford Carers Trust", " wct01 ", system.PlaceId));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var details = await client.GetAsync(result.Location!);
        Assert.Equal("Westford Carers Trust", details.Text("h1"));
        Assert.Contains("Westford Carers Trust added", details.Text(".nhsuk-notification-banner"));
        await using var scope = App.Database(system.Id);
        var saved = await scope.Db.Organisations.Include(o => o.Places).SingleAsync(o => o.Name == "Westford Carers Trust", Ct);
        Assert.Equal("WCT01", saved.OdsCode);
        Assert.Equal([system.PlaceId], saved.Places.Select(p => p.PlaceId));
        var audit = await scope.Db.AuditEvents.SingleAsync(e => e.EntityId == saved.Id, Ct);
        Assert.Equal("OrganisationAdded", audit.Action);
        Assert.Equal(system.Convenor.Id, audit.ActorPersonId);
        Assert.Equal(system.IcbId, audit.ActingForOrganisationId);
        Assert.Equal("WCT01", AuditLog.ReadFields(audit.AfterJson)["ODS code"]);
        Assert.Null(audit.BeforeJson);
    }

    [Fact]
    public async Task Post_New_WithoutAntiforgeryToken_IsRejected()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);

        var result = await client.PostAsync($"/systems/{system.Id}/organisations/new",
            [new("Input.Name", "Forged"), new("Input.Type", nameof(OrganisationType.Vcse))]);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Organisations.AnyAsync(o => o.Name == "Forged", Ct));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("contributor")]
    [InlineData("lead")]
    public async Task Post_New_NotConvenor_IsForbidden(string who)
    {
        var system = await App.CreateSystemAsync();
        var person = who switch { "viewer" => system.Viewer, "contributor" => system.CouncilContributor, _ => system.TrustLead };
        var client = await PageClient.SignedInAsync(App, person);
        var convenorForm = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/organisations/new");
        // A valid token for this person's session, taken from a page they can see.
        var ownPage = await client.GetAsync("/account");
        var token = ownPage.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var result = await client.PostAsync($"/systems/{system.Id}/organisations/new",
            [new("__RequestVerificationToken", token), new("Input.Name", "Sneaky"), new("Input.Type", nameof(OrganisationType.Vcse))]);

        Assert.Equal(HttpStatusCode.OK, convenorForm.Status);
        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Contains("Only a convenor can add partner organisations", result.Html);
        await using var scope = App.Database(system.Id);
        Assert.False(await scope.Db.Organisations.AnyAsync(o => o.Name == "Sneaky", Ct));
    }

    [Fact]
    public async Task Edit_ContributorOfAnotherOrganisation_IsForbidden()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.CouncilContributor);

        var page = await client.GetAsync($"/systems/{system.Id}/organisations/{system.TrustId}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
    }

    [Fact]
    public async Task Edit_LeadOfAnotherOrganisation_IsForbiddenButOwnIsAllowed()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.TrustLead);

        var other = await client.GetAsync($"/systems/{system.Id}/organisations/{system.CouncilId}/edit");
        var own = await client.GetAsync($"/systems/{system.Id}/organisations/{system.TrustId}/edit");
        var saved = await own.SubmitAsync("main form", new() { ["Input.Name"] = "Westford Hospitals NHS Foundation Trust" });

        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var scope = App.Database(system.Id);
        Assert.Equal("Westford Hospitals NHS Foundation Trust", (await scope.Db.Organisations.SingleAsync(o => o.Id == system.TrustId, Ct)).Name);
    }

    [Fact]
    public async Task Edit_SecondSaveAfterSomeoneElses_IsRefusedShowingBothVersions()
    {
        var system = await App.CreateSystemAsync();
        var first = await PageClient.SignedInAsync(App, system.Convenor);
        var second = await PageClient.SignedInAsync(App, system.TrustLead);
        var url = $"/systems/{system.Id}/organisations/{system.TrustId}/edit";
        var firstForm = await first.GetAsync(url);
        var secondForm = await second.GetAsync(url);

        var firstSave = await firstForm.SubmitAsync("main form", new() { ["Input.Name"] = "Westford University Hospitals" });
        var secondSave = await secondForm.SubmitAsync("main form", new() { ["Input.Name"] = "Westford Hospitals (renamed)" });

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.Status);
        Assert.Contains("was changed by someone else while you were editing it", secondSave.ErrorSummary.Single());
        var conflict = secondSave.Text("#edit-conflict");
        Assert.Contains("Westford University Hospitals", conflict);
        Assert.Contains("Westford Hospitals (renamed)", conflict);
        await using (var scope = App.Database(system.Id))
        {
            Assert.Equal("Westford University Hospitals", (await scope.Db.Organisations.SingleAsync(o => o.Id == system.TrustId, Ct)).Name);
            Assert.Equal(1, await scope.Db.AuditEvents.CountAsync(e => e.EntityId == system.TrustId && e.Action == "OrganisationUpdated", Ct));
        }

        // Saving again from the conflict page is a deliberate choice, made against the version now shown.
        var deliberate = await secondSave.SubmitAsync("main form", []);
        Assert.Equal(HttpStatusCode.Redirect, deliberate.Status);
        await using (var scope = App.Database(system.Id))
        {
            Assert.Equal("Westford Hospitals (renamed)", (await scope.Db.Organisations.SingleAsync(o => o.Id == system.TrustId, Ct)).Name);
        }
    }

    [Fact]
    public async Task Edit_PlacesOnly_RecordsBeforeAndAfter()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/{system.CouncilId}/edit");

        var saved = await form.SubmitAsync("main form", new() { ["Input.PlaceIds"] = new[] { system.PlaceId.ToString() } });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var details = await client.GetAsync(saved.Location!);
        var history = details.Text("ol.nhsuk-list");
        Assert.Contains("Westford Council details changed", history);
        Assert.Contains("Places served", history);
        Assert.Contains("Westford", history);
    }

    [Fact]
    public async Task Get_AnotherSystemsPages_IsNotFound()
    {
        var mine = await App.CreateSystemAsync();
        var theirs = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, mine.Convenor);

        var home = await client.GetAsync($"/systems/{theirs.Id}");
        var organisation = await client.GetAsync($"/systems/{theirs.Id}/organisations/{theirs.TrustId}");
        var crossed = await client.GetAsync($"/systems/{mine.Id}/organisations/{theirs.TrustId}");

        Assert.Equal(HttpStatusCode.NotFound, home.Status);
        Assert.Equal(HttpStatusCode.NotFound, organisation.Status);
        Assert.Equal(HttpStatusCode.NotFound, crossed.Status);
        Assert.DoesNotContain(theirs.Name, home.Html);
    }

    [Fact]
    public async Task Get_SignedOut_RedirectsToSignIn()
    {
        var system = await App.CreateSystemAsync();
        var client = new PageClient(App.CreateClient());

        var page = await client.GetAsync($"/systems/{system.Id}/organisations");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("https://localhost/sign-in?ReturnUrl=", page.Location);
    }

    [Fact]
    public async Task Get_OrganisationWithScriptInName_IsEncoded()
    {
        var system = await App.CreateSystemAsync();
        await using (var scope = App.Database(system.Id))
        {
            scope.Db.Organisations.Add(new Organisation { SystemId = system.Id, Name = "<script>alert(1)</script> Trust", Type = OrganisationType.Vcse });
            await scope.Db.SaveChangesAsync(Ct);
        }
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var page = await client.GetAsync($"/systems/{system.Id}/organisations");

        Assert.DoesNotContain("<script>alert(1)</script>", page.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Trust", page.Html);
    }
}

public sealed class OrganisationPagesSqliteTests(SqliteApp app) : OrganisationPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class OrganisationPagesPostgresTests(PostgresApp app) : OrganisationPagesTests(app, DatabaseKind.Postgres);
