using System.Net;
using System.Net.Http.Json;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.National;

public enum AskStage
{
    Draft,
    AgreedLocally,
    Submitted,
}

/// <summary>Asks taken through the system's API as its partners would: drafted by the council's lead, agreed by the trust and the council, submitted.</summary>
public static class AskSeed
{
    public static async Task<Guid> AskAsync(this TestApp app, TestSystem system, Guid body, string title, AskStage stage, CancellationToken ct, Guid[]? goals = null)
    {
        var council = await ApiClient.ForAsync(app, system.CouncilLead);
        var asks = $"/api/v1/systems/{system.Id}/asks";
        var created = await council.PostAsJsonAsync(asks, new
        {
            title, category = "RegulatoryStreamlining", nationalBodyId = body,
            barrier = "Three inspections of the same service in a year.", request = "One joint inspection of the place's services.",
            offer = "Our shared outcome measures, published quarterly.", evidence = "The inspection calendar for 2026.",
            ownerOrganisationId = system.CouncilId, goalIds = goals ?? [],
        }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Guid.Parse((await created.JsonAsync())["id"]!.GetValue<string>());
        if (stage == AskStage.Draft)
        {
            return id;
        }
        var closesOn = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var opened = await council.PostAsJsonAsync($"{asks}/{id}/rounds", new { closesOn, requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } }, ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var round = (await opened.JsonAsync())["id"]!.GetValue<string>();
        foreach (var (lead, organisation) in new[] { (system.TrustLead, system.TrustId), (system.CouncilLead, system.CouncilId) })
        {
            var position = await (await ApiClient.ForAsync(app, lead)).PostAsJsonAsync($"{asks}/{id}/rounds/{round}/positions",
                new { organisationId = organisation, position = "Consent" }, ct);
            Assert.Equal(HttpStatusCode.OK, position.StatusCode);
        }
        if (stage == AskStage.AgreedLocally)
        {
            return id;
        }
        var etag = (await council.GetAsync($"{asks}/{id}", ct)).Headers.ETag!.ToString();
        var submitted = await council.PostJsonAsync($"{asks}/{id}/submission", new { }, etag);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return id;
    }

    /// <summary>Appoints a new national partner of the body and lets them set a password, returning them ready to sign in.</summary>
    public static async Task<TestPerson> NationalPartnerAsync(this TestApp app, Guid body, string name, CancellationToken ct)
    {
        var administrator = await ApiClient.ForAsync(app, await app.CreateAdministratorAsync());
        var email = $"national-{Guid.NewGuid().ToString("N")[..8]}@test.concordat.example";
        var appointed = await administrator.PostAsJsonAsync($"/api/v1/national-bodies/{body}/partners", new { email, displayName = name, team = "Oversight" }, ct);
        Assert.Equal(HttpStatusCode.OK, appointed.StatusCode);
        var personId = Guid.Parse((await appointed.JsonAsync())["personId"]!.GetValue<string>());
        return await app.WithPasswordAsync(new TestPerson(personId, email, Seed.Password, name), ct);
    }

    /// <summary>
    /// Gives an appointed national partner the test people's password, as a reset link would let them set it. Hashed
    /// here, not copied from another person: in a database the demo shares, the first person found may be the demo's.
    /// </summary>
    public static async Task<TestPerson> WithPasswordAsync(this TestApp app, TestPerson partner, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Concordat.Core.Data.ConcordatDb>();
        var person = await db.Users.SingleAsync(p => p.Id == partner.Id, ct);
        person.PasswordHash = scope.ServiceProvider.GetRequiredService<UserManager<Concordat.Core.People.Person>>().PasswordHasher.HashPassword(person, partner.Password);
        await db.SaveChangesAsync(ct);
        return partner;
    }
}
