using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

public sealed record DemoPerson(string Email, string DisplayName, string RoleDescription);

/// <summary>
/// The fictional Northshire and Eastvale ICS, so that a new user sees the product working. Every organisation,
/// place and person here is invented; the ODS-style codes are made up and do not identify real bodies.
/// </summary>
public sealed class DemoWorkspace(ConcordatDb db, UserManager<Person> users, TimeProvider clock)
{
    public const string SystemName = "Northshire and Eastvale ICS";

    /// <summary>The password of every demo account. Demo data is only created where configuration asks for it.</summary>
    public const string Password = "concordat-demo-2026";

    public const string ConvenorEmail = "convenor@demo.concordat.example";

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("admin@demo.concordat.example", "Alex Morgan", "Administrator"),
        new(ConvenorEmail, "Priya Shah", "Convenor, NHS Northshire and Eastvale ICB"),
        new("lead@demo.concordat.example", "Tom Richards", "Organisation lead, Northshire Teaching Hospitals"),
        new("contributor@demo.concordat.example", "Aisha Khan", "Contributor, Northshire County Council"),
        new("viewer@demo.concordat.example", "Margaret Ellis", "Viewer (non-executive), NHS Northshire and Eastvale ICB"),
        new("national@demo.concordat.example", "David Okafor", "National partner, NHS England North East and Yorkshire"),
    ];

    private static readonly string[] PlaceNames = ["Northshire", "Eastvale"];

    private sealed record DemoOrganisation(string Name, OrganisationType Type, string? OdsCode, string[] Places);

    private static readonly DemoOrganisation[] Organisations =
    [
        new("NHS Northshire and Eastvale Integrated Care Board", OrganisationType.IntegratedCareBoard, "QZ9", ["Northshire", "Eastvale"]),
        new("Northshire Teaching Hospitals NHS Foundation Trust", OrganisationType.NhsTrust, "RZ1", ["Northshire"]),
        new("Eastvale General Hospital NHS Trust", OrganisationType.NhsTrust, "RZ2", ["Eastvale"]),
        new("Northshire and Eastvale Community and Mental Health NHS Trust", OrganisationType.NhsTrust, "RZ3", ["Northshire", "Eastvale"]),
        new("Northern Counties Ambulance Service NHS Foundation Trust", OrganisationType.NhsTrust, "RZ4", ["Northshire", "Eastvale"]),
        new("Northshire County Council", OrganisationType.LocalAuthority, "E10000099", ["Northshire"]),
        new("Eastvale Borough Council", OrganisationType.LocalAuthority, "E06000099", ["Eastvale"]),
        new("Eastvale GP Federation", OrganisationType.PrimaryCare, "Y99001", ["Eastvale"]),
        new("Northshire and Eastvale VCSE Alliance", OrganisationType.Vcse, null, ["Northshire", "Eastvale"]),
        new("St Aidan's Hospice", OrganisationType.Hospice, "8Z991", ["Northshire"]),
        new("Healthwatch Northshire", OrganisationType.Healthwatch, null, ["Northshire"]),
        new("NHS England North East and Yorkshire", OrganisationType.NationalBody, null, []),
    ];

    public async Task<Guid> CreateAsync(CancellationToken ct)
    {
        var existing = await db.Systems.Where(s => s.Name == SystemName).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var system = new CareSystem { Name = SystemName, CreatedAtUtc = now };
        db.Systems.Add(system);
        db.Tenant.Enter(system.Id);
        var actor = new Actor(null, "Demo set-up", isAdministrator: true, system.Id, []);

        var places = PlaceNames.Select(n => new Place { SystemId = system.Id, Name = n }).ToDictionary(p => p.Name);
        db.Places.AddRange(places.Values);
        var placeNames = places.Values.ToDictionary(p => p.Id, p => p.Name);

        var organisations = new Dictionary<string, Organisation>();
        foreach (var o in Organisations)
        {
            var organisation = new Organisation
            {
                SystemId = system.Id,
                Name = o.Name,
                Type = o.Type,
                OdsCode = o.OdsCode,
                Places = o.Places.Select(p => new OrganisationPlace { SystemId = system.Id, PlaceId = places[p].Id }).ToList(),
            };
            organisations[o.Name] = organisation;
            db.Organisations.Add(organisation);
            db.Audit(actor, now, "OrganisationAdded", OrganisationService.EntityType, organisation.Id, organisation.Name, null,
                organisation.Snapshot(placeNames));
        }

        Guid Org(string prefix) => organisations.Single(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.Id;
        var roles = new (string Email, Guid? Organisation, Role? Role)[]
        {
            (People[0].Email, null, null),
            (People[1].Email, Org("NHS Northshire and Eastvale Integrated"), Role.Convenor),
            (People[2].Email, Org("Northshire Teaching"), Role.OrganisationLead),
            (People[3].Email, Org("Northshire County"), Role.Contributor),
            (People[4].Email, Org("NHS Northshire and Eastvale Integrated"), Role.Viewer),
            (People[5].Email, Org("NHS England"), Role.NationalPartner),
        };
        foreach (var (demo, (email, organisationId, role)) in People.Zip(roles))
        {
            var person = await users.FindByEmailAsync(email);
            if (person is null)
            {
                person = new Person
                {
                    UserName = email, Email = email, EmailConfirmed = true, DisplayName = demo.DisplayName, CreatedAtUtc = now,
                    NormalizedEmail = users.NormalizeEmail(email), NormalizedUserName = users.NormalizeName(email),
                    IsAdministrator = role is null, LockoutEnabled = true,
                };
                person.PasswordHash = users.PasswordHasher.HashPassword(person, Password);
                db.Users.Add(person);
            }
            if (organisationId is { } orgId && role is { } r)
            {
                db.Memberships.Add(new Membership { SystemId = system.Id, PersonId = person.Id, OrganisationId = orgId, Role = r, CreatedAtUtc = now });
            }
        }
        await db.SaveChangesAsync(ct);
        return system.Id;
    }
}
