using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Infrastructure;

public sealed record TestPerson(Guid Id, string Email, string Password, string Name);

/// <summary>A system made for one test: three partners, a place, and one person per role.</summary>
public sealed record TestSystem(Guid Id, string Name, Guid IcbId, Guid TrustId, Guid CouncilId, Guid PlaceId,
    TestPerson Convenor, TestPerson TrustLead, TestPerson CouncilContributor, TestPerson Viewer, TestPerson CouncilLead);

public static class Seed
{
    public const string Password = "correct horse battery staple";

    // PBKDF2 is slow by design, and every seeded person has the same password: hash it once per test run and give
    // every person that hash. Identity's hash carries its own salt and iteration count, so it verifies for anyone;
    // signing in still verifies the password in full.
    private static string? _passwordHash;

    public static async Task<TestSystem> CreateSystemAsync(this TestApp app, string? name = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Concordat.Core.Data.ConcordatDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var system = new CareSystem { Name = name ?? $"Test ICS {tag}", CreatedAtUtc = DateTime.UtcNow };
        db.Systems.Add(system);
        db.Tenant.Enter(system.Id);
        var place = new Place { SystemId = system.Id, Name = "Westford" };
        db.Places.Add(place);
        Organisation Org(string orgName, OrganisationType type, string? ods) =>
            new() { SystemId = system.Id, Name = orgName, Type = type, OdsCode = ods };
        var icb = Org("Test ICB", OrganisationType.IntegratedCareBoard, "QT1");
        var trust = Org("Westford Hospitals NHS Trust", OrganisationType.NhsTrust, "RT1");
        var council = Org("Westford Council", OrganisationType.LocalAuthority, null);
        council.OnsCode = "E06000001";
        db.Organisations.AddRange(icb, trust, council);

        TestPerson Person(string role, string displayName, Guid organisationId, Role r)
        {
            var email = $"{role}-{tag}@test.concordat.example";
            var person = new Person
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, LockoutEnabled = true,
                NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
            };
            person.PasswordHash = _passwordHash ??= users.PasswordHasher.HashPassword(person, Password);
            db.Users.Add(person);
            db.Memberships.Add(new Membership { SystemId = system.Id, PersonId = person.Id, OrganisationId = organisationId, Role = r });
            return new TestPerson(person.Id, email, Password, displayName);
        }
        var convenor = Person("convenor", "Cara Convenor", icb.Id, Role.Convenor);
        var lead = Person("lead", "Luke Lead", trust.Id, Role.OrganisationLead);
        var contributor = Person("contributor", "Cleo Contributor", council.Id, Role.Contributor);
        var viewer = Person("viewer", "Vic Viewer", icb.Id, Role.Viewer);
        var councilLead = Person("council-lead", "Cath Council", council.Id, Role.OrganisationLead);
        await db.SaveChangesAsync();
        return new TestSystem(system.Id, system.Name, icb.Id, trust.Id, council.Id, place.Id, convenor, lead, contributor, viewer, councilLead);
    }

    /// <summary>An administrator of the deployment, with a role in no system (as one who sets up systems is).</summary>
    public static async Task<TestPerson> CreateAdministratorAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Concordat.Core.Data.ConcordatDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var email = $"admin-{Guid.NewGuid().ToString("N")[..8]}@test.concordat.example";
        var person = new Person
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ada Administrator", LockoutEnabled = true, IsAdministrator = true,
            NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
        };
        person.PasswordHash = _passwordHash ??= users.PasswordHasher.HashPassword(person, Password);
        db.Users.Add(person);
        await db.SaveChangesAsync();
        return new TestPerson(person.Id, email, Password, person.DisplayName);
    }

    /// <summary>A national partner of the body, with a role in no system, who signs in with the shared test password.</summary>
    public static async Task<TestPerson> CreateNationalPartnerAsync(this TestApp app, Guid bodyId, string name = "Nadia National")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Concordat.Core.Data.ConcordatDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var email = $"national-{Guid.NewGuid().ToString("N")[..8]}@test.concordat.example";
        var person = new Person
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, LockoutEnabled = true,
            NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
        };
        person.PasswordHash = _passwordHash ??= users.PasswordHasher.HashPassword(person, Password);
        db.Users.Add(person);
        db.NationalPartners.Add(new Concordat.Core.National.NationalPartner
        {
            PersonId = person.Id, NationalBodyId = bodyId, AppointedAtUtc = DateTime.UtcNow, AppointedByName = "Test set-up",
        });
        await db.SaveChangesAsync();
        return new TestPerson(person.Id, email, Password, name);
    }

    public static async Task<string> TokenForAsync(this TestApp app, TestPerson person) =>
        await app.WithScopeAsync(async s =>
            (await s.GetRequiredService<TokenService>().CreateAsync(person.Id, new CreateToken("test", null), CancellationToken.None)).Secret);
}
