using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Core.Demo;

/// <summary>
/// Two smaller systems in the same region, so the national side sees what it sees in life: the same ask coming from
/// several systems. Each has an ICB, a trust and a council, a convenor and two leads, and asks of its own: one to pool
/// the discharge funding, submitted to NHS England North East and Yorkshire (which links it to one theme with
/// Northshire's), and a draft. Each system is written in its own scope, as its own tenant.
/// </summary>
public sealed class DemoNeighbours(IServiceScopeFactory scopes, TimeProvider clock)
{
    public sealed record Neighbour(string Name, string Prefix, string Icb, string Trust, string Council, int SubmittedDaysAgo, string Draft, AskCategory DraftCategory,
        string DraftBody, string DraftBarrier, string DraftRequest);

    public static readonly IReadOnlyList<Neighbour> Systems =
    [
        new("Southdale and Riverside ICS", "southdale", "NHS Southdale and Riverside Integrated Care Board", "Southdale Hospitals NHS Foundation Trust",
            "Riverside Metropolitan Borough Council", 58, "Longer contracts for primary care networks' additional roles", AskCategory.Workforce, "NHS England",
            "Each year's short funding means the roles are hard to fill and harder to keep.", "Fund the additional roles on three-year terms."),
        new("Westmoor ICS", "westmoor", "NHS Westmoor Integrated Care Board", "Westmoor and Fells NHS Trust", "Westmoor County Council", 56,
            "One data sharing agreement for the whole system", AskCategory.DataAndInformation, "Department of Health and Social Care",
            "Every partner signs a separate agreement for each flow of data, so a joined-up record takes a year of paperwork.",
            "Recognise one system-wide data sharing agreement, under model terms, for direct care and planning."),
    ];

    public async Task CreateAsync(CancellationToken ct)
    {
        foreach (var neighbour in Systems)
        {
            await using var scope = scopes.CreateAsyncScope();
            await CreateAsync(neighbour, scope.ServiceProvider, ct);
        }
    }

    private async Task CreateAsync(Neighbour n, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ConcordatDb>();
        var users = services.GetRequiredService<UserManager<Person>>();
        if (await db.Systems.AnyAsync(s => s.Name == n.Name, ct))
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var system = new CareSystem { Name = n.Name, CreatedAtUtc = now };
        db.Systems.Add(system);
        db.Tenant.Enter(system.Id);
        var setUp = new Actor(null, "Demo set-up", isAdministrator: true, system.Id, []);
        db.Audit(setUp, now, "SystemCreated", SystemService.EntityType, system.Id, system.Name, null, null);
        var icb = new Organisation { SystemId = system.Id, Name = n.Icb, Type = OrganisationType.IntegratedCareBoard };
        var trust = new Organisation { SystemId = system.Id, Name = n.Trust, Type = OrganisationType.NhsTrust };
        var council = new Organisation { SystemId = system.Id, Name = n.Council, Type = OrganisationType.LocalAuthority };
        foreach (var organisation in new[] { icb, trust, council })
        {
            db.Organisations.Add(organisation);
            db.Audit(setUp, now, "OrganisationAdded", OrganisationService.EntityType, organisation.Id, organisation.Name, null, null);
        }
        var hash = (await db.Users.Where(u => u.Email == DemoWorkspace.ConvenorEmail).Select(u => u.PasswordHash).FirstOrDefaultAsync(ct));
        Actor Person(string who, string name, Organisation organisation, Role role)
        {
            var email = $"{who}@{n.Prefix}.demo.concordat.example";
            var person = new Person
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAtUtc = now, LockoutEnabled = true,
                NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
            };
            person.PasswordHash = hash ?? users.PasswordHasher.HashPassword(person, DemoWorkspace.Password);
            db.Users.Add(person);
            db.Memberships.Add(new Membership { SystemId = system.Id, PersonId = person.Id, OrganisationId = organisation.Id, Role = role, CreatedAtUtc = now });
            return new Actor(person.Id, name, isAdministrator: false, system.Id, [new ActorMembership(organisation.Id, organisation.Name, role)], n.Name);
        }
        Person("convenor", n.Prefix == "southdale" ? "Kofi Mensah" : "Eleanor Hart", icb, Role.Convenor);
        var icbLead = Person("icb.lead", n.Prefix == "southdale" ? "Dr Ruth Adeyemi" : "Dr Owen Pryce", icb, Role.OrganisationLead);
        var trustLead = Person("trust.lead", n.Prefix == "southdale" ? "Martin Shaw" : "Bethan Rees", trust, Role.OrganisationLead);
        var councilLead = Person("council.lead", n.Prefix == "southdale" ? "Nadia Hussain" : "Colin Marsh", council, Role.OrganisationLead);
        await db.SaveChangesAsync(ct);

        var bodies = await db.NationalBodies.ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        var asks = new AskService(db, clock);
        var pooling = await asks.CreateAsync(new SaveAsk("Pool the discharge grants in the better care fund", AskCategory.FinancialFlexibility,
            bodies["NHS England North East and Yorkshire"],
            "The hospital discharge grants come with separate conditions and returns from the better care fund's, so the council and the ICB report twice on the same beds.",
            "Let the discharge grants be pooled in the better care fund with one set of conditions and one return.",
            null, "A joint quarterly report of delayed discharges by reason.", council.Id), councilLead, ct);
        var on = now.AddDays(-n.SubmittedDaysAgo);
        var rounds = new AskRoundService(db, new DemoClock(on.AddDays(-6)));
        var round = await rounds.OpenAsync(pooling.Id, new OpenAskRound(UkCalendar.DayOf(on), [icb.Id, trust.Id, council.Id]), councilLead, ct);
        foreach (var (organisation, lead) in new[] { (icb, icbLead), (trust, trustLead), (council, councilLead) })
        {
            await new AskRoundService(db, new DemoClock(on.AddDays(-2))).RecordPositionAsync(pooling.Id, round.Id,
                new RecordAskPosition(organisation.Id, PositionKind.Consent, null, null, null), null, lead, ct);
        }
        await new AskExchangeService(db, new DemoClock(on)).SubmitAsync(pooling.Id, Versions.Any, councilLead, ct);

        await asks.CreateAsync(new SaveAsk(n.Draft, n.DraftCategory, bodies[n.DraftBody],
            n.DraftBarrier, n.DraftRequest, null, null, icb.Id), icbLead, ct);
    }
}

/// <summary>A clock fixed on one instant: the demo's history entered on the days it happened.</summary>
internal sealed class DemoClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
