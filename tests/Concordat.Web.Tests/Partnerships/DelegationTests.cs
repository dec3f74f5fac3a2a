using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

public abstract class DelegationTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task AConvenorActsForAPartnerOnlyUnderItsLeadsDelegation_WhichEveryActNames_AndWhichCanBeEnded()
    {
        var system = await App.CreateSystemAsync();
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var measure = await trustLead.PostAsJsonAsync($"/api/v1/systems/{system.Id}/measures", new
        {
            name = "Four-hour performance", definition = "Seen within 4 hours / all attendances", unit = "%", frequency = "Monthly",
            improvement = "Increase", target = 95, ownerOrganisationId = system.TrustId,
        }, Ct);
        var observations = $"{measure.Headers.Location}/observations";
        var delegations = $"/api/v1/systems/{system.Id}/organisations/{system.TrustId}/delegations";

        var dataWithout = await convenor.PostAsJsonAsync(observations, new { periodStart = "2026-01-01", value = 80 }, Ct);
        var resourceWithout = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", ResourceApi.VoidSpace(system), Ct);
        var grantedByOtherLead = await councilLead.PostAsJsonAsync(delegations, new { capability = "MeasureData", personId = system.Convenor.Id, until = "2027-12-31" }, Ct);
        var grantedByConvenor = await convenor.PostAsJsonAsync(delegations, new { capability = "MeasureData", personId = system.Convenor.Id, until = "2027-12-31" }, Ct);
        var badGrant = await trustLead.PostAsJsonAsync(delegations, new { capability = "Everything", until = "2020-01-01" }, Ct);
        var granted = await trustLead.PostAsJsonAsync(delegations, new { capability = "MeasureData", personId = system.Convenor.Id, until = "2027-12-31" }, Ct);
        var dataWith = await convenor.PostAsJsonAsync(observations, new { periodStart = "2026-01-01", value = 80 }, Ct);
        // A delegation covers one kind of work for one organisation: not the trust's resources, nor the council's data.
        var resourceWith = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/resources", new
        {
            organisationId = system.TrustId, type = "RegisteredNursing", name = "Nurses", quantity = 10, unit = "WTE", availableCapacity = 2, contact = "Director of nursing",
        }, Ct);
        var list = await (await councilLead.GetAsync(delegations, Ct)).JsonAsync();
        var ended = await trustLead.DeleteAsync($"{delegations}/{(await granted.JsonAsync())["id"]}", Ct);
        var dataAfter = await convenor.PostAsJsonAsync(observations, new { periodStart = "2026-02-01", value = 81 }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, dataWithout.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resourceWithout.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grantedByOtherLead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, grantedByConvenor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badGrant.StatusCode);
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dataWith.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resourceWith.StatusCode);
        var shown = Assert.Single(list.AsArray())!;
        Assert.Equal(("MeasureData", "Cara Convenor", true), (shown["capability"]!.GetValue<string>(), shown["person"]!.GetValue<string>(), shown["active"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dataAfter.StatusCode);
        await using var scope = App.Database(system.Id);
        var recorded = await scope.Db.AuditEvents.Where(e => e.ActorPersonId == system.Convenor.Id && e.DelegationId != null).ToListAsync(Ct);
        var act = Assert.Single(recorded);
        Assert.Equal(system.TrustId, act.ActingForOrganisationId);
        Assert.StartsWith("Westford Hospitals NHS Trust, under its delegation until 31 December 2027", act.ActingForOrganisationName);
    }
}

public sealed class DelegationSqliteTests(SqliteApp app) : DelegationTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class DelegationPostgresTests(PostgresApp app) : DelegationTests(app, DatabaseKind.Postgres);
