using System.Net;
using System.Net.Http.Json;
using System.Text;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

/// <summary>
/// Every mutating operation on the council's things, tried by every kind of actor: the council's lead, its
/// contributor, another organisation's lead, the convenor without a delegation, and the convenor holding the
/// council's delegations. An operation an actor may not do must answer 403 and leave no trace: every change in
/// Concordat writes an audit event in its own transaction, so "no new audit event" means nothing persisted.
/// </summary>
public abstract class SovereigntyMatrixTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    public enum Actor { OwnersLead, OwnersContributor, OtherLead, Convenor, DelegatedConvenor }

    /// <summary>Who may do each operation; everyone else is refused.</summary>
    private static readonly Dictionary<string, Actor[]> Allowed = new()
    {
        ["register a resource"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["change a resource"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["remove a resource"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["import the register"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["commit a resource to its contribution"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["release its commitment"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["accept a request for its resource"] = [Actor.OwnersLead],
        ["decline a request for its resource"] = [Actor.OwnersLead],
        ["over-commit its resource"] = [Actor.OwnersLead],
        ["set its pooled-fund payment"] = [Actor.OwnersLead],
        ["define a measure it owns"] = [Actor.OwnersLead, Actor.DelegatedConvenor],
        ["change its measure"] = [Actor.OwnersLead, Actor.DelegatedConvenor],
        ["record its measure's data"] = [Actor.OwnersLead, Actor.OwnersContributor, Actor.DelegatedConvenor],
        ["rebase its measure"] = [Actor.OwnersLead, Actor.DelegatedConvenor],
        ["hand its work to someone"] = [Actor.OwnersLead],
        ["give someone a role for it"] = [Actor.OwnersLead, Actor.DelegatedConvenor],
        ["change the role of one of its people"] = [Actor.OwnersLead, Actor.DelegatedConvenor],
        ["remove one of its people"] = [Actor.OwnersLead, Actor.DelegatedConvenor],
    };

    public static TheoryData<string, Actor> Cases()
    {
        var data = new TheoryData<string, Actor>();
        foreach (var operation in Allowed.Keys)
        {
            foreach (var actor in Enum.GetValues<Actor>())
            {
                data.Add(operation, actor);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OnlyTheOwnerOrItsDelegateChangesWhatIsTheOwners(string operation, Actor actor)
    {
        var s = await ArrangeAsync();
        var client = actor switch
        {
            Actor.OwnersLead => s.CouncilLead,
            Actor.OwnersContributor => await ApiClient.ForAsync(App, s.System.CouncilContributor),
            Actor.OtherLead => s.TrustLead,
            _ => s.Convenor,
        };
        if (actor == Actor.DelegatedConvenor)
        {
            foreach (var capability in new[] { "Resources", "MeasureData", "People" })
            {
                var granted = await s.CouncilLead.PostAsJsonAsync($"{s.Url}/organisations/{s.System.CouncilId}/delegations",
                    new { capability, personId = s.System.Convenor.Id, until = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, Ct);
                Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
            }
        }
        var before = await AuditCountAsync(s.System.Id);

        var response = await ActAsync(operation, client, s);

        var after = await AuditCountAsync(s.System.Id);
        if (Allowed[operation].Contains(actor))
        {
            Assert.True(response.IsSuccessStatusCode, $"{actor} should be able to {operation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.True(after > before, $"{operation} by {actor} left no audit event");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{actor} must not {operation}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Equal(before, after);
        }
    }

    private sealed record Arranged(TestSystem System, string Url, HttpClient Convenor, HttpClient CouncilLead, HttpClient TrustLead, Guid CouncilContribution,
        Guid Resource, Guid Spare, Guid Commitment, Guid Request, Guid Fund, string Measure);

    /// <summary>The council's contribution, resource (one commitment of its own, one request from the trust), measure and pooled fund.</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var system = await App.CreateSystemAsync();
        var url = $"/api/v1/systems/{system.Id}";
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var goalId = await GoalApi.DraftAsync(convenor, system);
        var (councilContribution, _) = await ContributionApi.CommitAsync(councilLead, system, goalId, system.CouncilId);
        var (trustContribution, _) = await ContributionApi.CommitAsync(trustLead, system, goalId, system.TrustId);
        var (resource, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        // Nothing is committed of the spare, so it can be removed.
        var (spare, _) = await ResourceApi.RegisterAsync(councilLead, system, ResourceApi.VoidSpace(system));
        var commitment = await (await ResourceApi.CommitAsync(councilLead, system, councilContribution, resource, 10, "2027-01-01", "2027-03-31")).JsonAsync();
        var request = await (await ResourceApi.CommitAsync(trustLead, system, trustContribution, resource, 10, "2027-01-01", "2027-03-31")).JsonAsync();
        var fund = await (await councilLead.PostAsJsonAsync($"{url}/pooled-funds", new
        {
            name = "Westford Better Care Fund", type = "BetterCareFund", hostOrganisationId = system.CouncilId, poolManager = "Pool manager", financialYear = "2026/27",
        }, Ct)).JsonAsync();
        var measure = await councilLead.PostAsJsonAsync($"{url}/measures", Measure(system), Ct);
        Assert.Equal(HttpStatusCode.Created, measure.StatusCode);
        return new Arranged(system, url, convenor, councilLead, trustLead, councilContribution, resource, spare, Guid.Parse(commitment["id"]!.GetValue<string>()),
            Guid.Parse(request["id"]!.GetValue<string>()), Guid.Parse(fund["id"]!.GetValue<string>()), measure.Headers.Location!.ToString());
    }

    private static object Measure(TestSystem system, string name = "Delayed discharges") => new
    {
        name, definition = "People in hospital who no longer need to be", unit = "people", frequency = "Monthly", improvement = "Decrease",
        ownerOrganisationId = system.CouncilId,
    };

    private static async Task<HttpResponseMessage> ActAsync(string operation, HttpClient client, Arranged s) => operation switch
    {
        "register a resource" => await client.PostAsJsonAsync($"{s.Url}/resources", ResourceApi.VoidSpace(s.System), Ct),
        "change a resource" => await client.PutJsonAsync($"{s.Url}/resources/{s.Resource}", ResourceApi.VoidSpace(s.System, 120, 90),
            (await s.CouncilLead.GetAsync($"{s.Url}/resources/{s.Resource}", Ct)).Headers.ETag!.ToString()),
        "remove a resource" => await client.DeleteAsync($"{s.Url}/resources/{s.Spare}", Ct),
        "import the register" => await client.PostAsync($"{s.Url}/organisations/{s.System.CouncilId}/resources/import",
            new StringContent("kind,type,name,quantity,unit,available,contact\nWorkforce,social care workers,Reablement workers,10,WTE,2,Head of reablement\n",
                Encoding.UTF8, "text/csv"), Ct),
        "commit a resource to its contribution" => await ResourceApi.CommitAsync(client, s.System, s.CouncilContribution, s.Resource, 5, "2027-04-01", "2027-06-30"),
        "release its commitment" => await client.DeleteAsync($"{s.Url}/commitments/{s.Commitment}", Ct),
        "accept a request for its resource" => await client.PostAsJsonAsync($"{s.Url}/commitments/{s.Request}/accept", new { }, Ct),
        "decline a request for its resource" => await client.PostAsJsonAsync($"{s.Url}/commitments/{s.Request}/decline", new { reason = "Booked for flu clinics" }, Ct),
        "over-commit its resource" => await ResourceApi.CommitAsync(client, s.System, s.CouncilContribution, s.Resource, 500, "2027-01-01", "2027-03-31",
            "The council agreed to clear every room for the winter pilot"),
        "set its pooled-fund payment" => await client.PutAsJsonAsync($"{s.Url}/pooled-funds/{s.Fund}/contributions/{s.System.CouncilId}", new { amountInPence = 100_00L }, Ct),
        "define a measure it owns" => await client.PostAsJsonAsync($"{s.Url}/measures", Measure(s.System, "Care home admissions"), Ct),
        "change its measure" => await client.PutJsonAsync(s.Measure, Measure(s.System, "Delayed discharges, all causes"),
            (await s.CouncilLead.GetAsync(s.Measure, Ct)).Headers.ETag!.ToString()),
        "record its measure's data" => await client.PostAsJsonAsync($"{s.Measure}/observations", new { periodStart = "2026-01-01", value = 40 }, Ct),
        "rebase its measure" => await client.PostAsJsonAsync($"{s.Measure}/rebases", new { periodStart = "2026-01-01", reason = "New discharge pathway" }, Ct),
        "give someone a role for it" => await client.PostAsJsonAsync($"{s.Url}/roles",
            new { email = "new.worker@test.concordat.example", displayName = "Nat Worker", organisationId = s.System.CouncilId, role = "Contributor" }, Ct),
        "change the role of one of its people" => await client.PutAsJsonAsync($"{s.Url}/roles/{await RoleOfAsync(s, s.System.CouncilContributor)}", new { role = "Viewer" }, Ct),
        "remove one of its people" => await client.DeleteAsync($"{s.Url}/people/{s.System.CouncilContributor.Id}", Ct),
        "hand its work to someone" => await client.PostAsJsonAsync($"{s.Url}/organisations/{s.System.CouncilId}/delegations",
            new { capability = "Resources", personId = s.System.Viewer.Id, until = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "No such operation in the matrix"),
    };

    private static async Task<Guid> RoleOfAsync(Arranged s, TestPerson person)
    {
        var roles = await (await s.CouncilLead.GetAsync($"{s.Url}/roles?personId={person.Id}", Ct)).JsonAsync();
        return Guid.Parse(roles.AsArray().Single()!["id"]!.GetValue<string>());
    }

    private async Task<int> AuditCountAsync(Guid systemId)
    {
        await using var scope = App.Database(systemId);
        return await scope.Db.AuditEvents.CountAsync(Ct);
    }
}

public sealed class SovereigntyMatrixSqliteTests(SqliteApp app) : SovereigntyMatrixTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class SovereigntyMatrixPostgresTests(PostgresApp app) : SovereigntyMatrixTests(app, DatabaseKind.Postgres);
