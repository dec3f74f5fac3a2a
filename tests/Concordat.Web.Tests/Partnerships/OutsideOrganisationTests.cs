using System.Net;
using System.Net.Http.Json;
using Concordat.Core.Contributions;
using Concordat.Core.HealthChecks;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

/// <summary>An organisation outside the system: named (a co-funder, say), never asked, counted or acted for.</summary>
public abstract class OutsideOrganisationTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private async Task<Guid> AddOutsiderAsync(TestSystem system, string name = "University of Westford")
    {
        await using var scope = App.Database(system.Id);
        var outsider = new Organisation { SystemId = system.Id, Name = name, Type = OrganisationType.Education, IsPartner = false };
        scope.Db.Organisations.Add(outsider);
        await scope.Db.SaveChangesAsync(Ct);
        return outsider.Id;
    }

    [Fact]
    public async Task Convenor_AddsOneOnThePage_ShownAsOutsideTheSystem()
    {
        var system = await App.CreateSystemAsync();
        var client = await PageClient.SignedInAsync(App, system.Convenor);
        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        var added = await form.SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Northern Health Innovation Network", ["Input.Type"] = nameof(OrganisationType.OtherPublicBody), ["Input.IsPartner"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var details = await client.GetAsync(added.Location!);
        Assert.Contains("No, outside the system", details.Text(".nhsuk-summary-list"));
        Assert.Contains("Northern Health Innovation Network added, from outside the system", details.Text("ol.nhsuk-list"));
        Assert.Null(details.Document.QuerySelector("a[href*='people/add']"));
        var list = await client.GetAsync($"/systems/{system.Id}/organisations");
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Northern Health Innovation Network"));
        Assert.Contains("Outside the system", row.TextContent);
        Assert.StartsWith("3 partners in ", list.Text("caption"));
        Assert.EndsWith(", and 1 organisation outside the system", list.Text("caption"));
        var home = await client.GetAsync($"/systems/{system.Id}");
        Assert.Contains("3 partner organisations", home.Html);
    }

    [Fact]
    public async Task OnlyAConvenor_AddsOne_AndALeadCannotMakeTheirOwnOne()
    {
        var system = await App.CreateSystemAsync();
        var lead = await ApiClient.ForAsync(App, system.TrustLead);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var url = $"/api/v1/systems/{system.Id}/organisations";

        var byLead = await lead.PostAsJsonAsync(url, new { name = "Westford University", type = "Education", isPartner = false }, Ct);
        var ownOutside = await lead.PutJsonAsync($"{url}/{system.TrustId}", new { name = "Westford Hospitals NHS Trust", type = "NhsTrust", odsCode = "RT1", isPartner = false }, "*");
        var byConvenor = await convenor.PostAsJsonAsync(url, new { name = "Westford University", type = "Education", isPartner = false, charityNumber = "1234567" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownOutside.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byConvenor.StatusCode);
        Assert.False((await byConvenor.JsonAsync())["isPartner"]!.GetValue<bool>());
        var leadsForm = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/organisations/{system.TrustId}/edit");
        Assert.Null(leadsForm.Document.QuerySelector("input[name='Input.IsPartner']"));
        var saved = await leadsForm.SubmitAsync("main form", new() { ["Input.Name"] = "Westford Hospitals NHS Foundation Trust" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var scope = App.Database(system.Id);
        Assert.True((await scope.Db.Organisations.SingleAsync(o => o.Id == system.TrustId, Ct)).IsPartner);
    }

    [Fact]
    public async Task Round_DoesNotAskIt_AndRefusesToWhenNamed()
    {
        var system = await App.CreateSystemAsync();
        var outsider = await AddOutsiderAsync(system);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var closesOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var named = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/rounds",
            new { kind = "Adopt", closesOn, requiredOrganisationIds = new[] { system.TrustId, outsider } }, Ct);
        var (_, round) = await GoalApi.OpenAsync(convenor, system, goalId, new { kind = "Adopt", closesOn });

        Assert.Equal(HttpStatusCode.BadRequest, named.StatusCode);
        Assert.Equal("Select partner organisations of this system", (await named.JsonAsync())["errors"]!["RequiredOrganisationIds"]![0]!.GetValue<string>());
        Assert.Equal(["Test ICB", "Westford Council", "Westford Hospitals NHS Trust"], round["outstanding"]!.AsArray().Select(o => o!.GetValue<string>()).Order());
        var openRound = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/goals/{goalId}/rounds/new");
        Assert.DoesNotContain("University of Westford", openRound.Html);
    }

    [Fact]
    public async Task HealthCheck_DoesNotCountItsContributionAsAPartners()
    {
        var system = await App.CreateSystemAsync();
        var outsider = await AddOutsiderAsync(system);
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        await using var scope = App.Database(system.Id);
        foreach (var organisation in new[] { system.TrustId, outsider })
        {
            scope.Db.Contributions.Add(new Contribution
            {
                SystemId = system.Id, GoalId = goalId, OrganisationId = organisation, Commitment = "Run the frailty clinic", AccountablePerson = "Dr Lee",
                Reviewer = "Dr Patel", DueOn = new DateOnly(2028, 3, 31), Status = ContributionStatus.Agreed, CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow,
            });
        }
        await scope.Db.SaveChangesAsync(Ct);

        var health = await scope.Get<HealthCheckService>().RunAsync(Ct);

        var shared = health.Goals.Single().Findings.Single(f => f.Check == HealthCheck.NotShared);
        Assert.Equal("Only Westford Hospitals NHS Trust contributes. A shared goal needs more than one partner's contribution.", shared.Explanation);
    }

    [Fact]
    public async Task NoOneHoldsARoleForIt_AndAPartnerWithPeopleCannotBeMovedOutside()
    {
        var system = await App.CreateSystemAsync();
        var outsider = await AddOutsiderAsync(system);
        var convenor = await ApiClient.ForAsync(App, system.Convenor);

        var role = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/roles",
            new { email = "prof@westford.example", displayName = "Prof Ada Reed", organisationId = outsider, role = "Viewer" }, Ct);
        var moved = await convenor.PutJsonAsync($"/api/v1/systems/{system.Id}/organisations/{system.CouncilId}",
            new { name = "Westford Council", type = "LocalAuthority", isPartner = false }, "*");

        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Equal("University of Westford is outside the system: no one holds a role for it, so choose a partner",
            (await role.JsonAsync())["errors"]!["OrganisationId"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal("People act for Westford Council in this system: remove their roles and end its delegations before marking it outside the system",
            (await moved.JsonAsync())["errors"]!["IsPartner"]![0]!.GetValue<string>());
        var addPage = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/people/add");
        Assert.DoesNotContain("University of Westford", addPage.Html);
        await using var scope = App.Database(system.Id);
        Assert.True((await scope.Db.Organisations.SingleAsync(o => o.Id == system.CouncilId, Ct)).IsPartner);
    }

    [Fact]
    public async Task HostsLeadRecordsWhatItPaysIntoAPooledFund_AsACoFunder()
    {
        var system = await App.CreateSystemAsync();
        var outsider = await AddOutsiderAsync(system);
        var host = await ApiClient.ForAsync(App, system.CouncilLead);
        var fund = await host.PostAsJsonAsync($"/api/v1/systems/{system.Id}/pooled-funds",
            new { name = "Westford Better Care Fund 2026/27", type = "BetterCareFund", hostOrganisationId = system.CouncilId, poolManager = "Sam Pool, finance", financialYear = "2026/27" }, Ct);
        Assert.Equal(HttpStatusCode.Created, fund.StatusCode);
        var fundId = (await fund.JsonAsync())["id"]!.GetValue<string>();

        var payment = await host.PutJsonAsync($"/api/v1/systems/{system.Id}/pooled-funds/{fundId}/contributions/{outsider}", new { amountInPence = 5_000_000 }, null);

        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
        await using var scope = App.Database(system.Id);
        var paid = await scope.Db.PooledFundContributions.SingleAsync(c => c.OrganisationId == outsider, Ct);
        Assert.Equal(5_000_000, paid.AmountInPence);
        Assert.Null(paid.ProposedInPence);
    }
}

public sealed class OutsideOrganisationSqliteTests(SqliteApp app) : OutsideOrganisationTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class OutsideOrganisationPostgresTests(PostgresApp app) : OutsideOrganisationTests(app, DatabaseKind.Postgres);
