using Concordat.Core.Access;
using Concordat.Core.Areas;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>A demo account: its role for the organisation whose name starts with <see cref="Organisation"/> (none for the administrator).</summary>
/// <param name="NationalBody">For a national partner, the body they speak for (they hold no role in the system).</param>
public sealed record DemoPerson(string Email, string DisplayName, string RoleDescription, string? Organisation = null, Role? Role = null,
    string? NationalBody = null, string? Team = null);

/// <summary>
/// The fictional Northshire and Eastvale ICS, so that a new user sees the product working. Every organisation,
/// place and person here is invented; the ODS, ONS and charity codes are made up and do not identify real bodies.
/// </summary>
public sealed class DemoWorkspace(ConcordatDb db, UserManager<Person> users, DemoGoals goals, DemoNeighbours neighbours, TimeProvider clock)
{
    public const string SystemName = "Northshire and Eastvale ICS";

    /// <summary>The password of every demo account. Demo data is only created where configuration asks for it.</summary>
    public const string Password = "concordat-demo-2026";

    public const string ConvenorEmail = "convenor@demo.concordat.example";

    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("admin@demo.concordat.example", "Alex Morgan", "Administrator"),
        new(ConvenorEmail, "Priya Shah", "Convenor, NHS Northshire and Eastvale ICB", "NHS Northshire and Eastvale Integrated", Role.Convenor),
        new("lead@demo.concordat.example", "Tom Richards", "Organisation lead, Northshire Teaching Hospitals", "Northshire Teaching", Role.OrganisationLead),
        new("contributor@demo.concordat.example", "Aisha Khan", "Contributor, Northshire County Council", "Northshire County", Role.Contributor),
        new("viewer@demo.concordat.example", "Margaret Ellis", "Viewer (non-executive), NHS Northshire and Eastvale ICB", "NHS Northshire and Eastvale Integrated", Role.Viewer),
        new("national@demo.concordat.example", "David Okafor", "National partner, NHS England North East and Yorkshire (sees no system's workspace)",
            NationalBody: "NHS England North East and Yorkshire", Team: "System transformation"),
        new("cqc@demo.concordat.example", "Joanna Price", "National partner, Care Quality Commission (sees no system's workspace)",
            NationalBody: "Care Quality Commission", Team: "Integrated care system assessment"),
        new("icb.lead@demo.concordat.example", "Dr Helen Ward", "Organisation lead, NHS Northshire and Eastvale ICB", "NHS Northshire and Eastvale Integrated", Role.OrganisationLead),
        new("eastvale.lead@demo.concordat.example", "Sanjay Mehta", "Organisation lead, Eastvale General Hospital", "Eastvale General", Role.OrganisationLead),
        new("community.lead@demo.concordat.example", "Rachel Owusu", "Organisation lead, Community and Mental Health Trust", "Northshire and Eastvale Community", Role.OrganisationLead),
        new("publichealth.lead@demo.concordat.example", "Dr Fiona Grant", "Organisation lead (Director of Public Health), Northshire County Council", "Northshire County", Role.OrganisationLead),
        new("eastvale.council.lead@demo.concordat.example", "Gareth Lewis", "Organisation lead, Eastvale Borough Council", "Eastvale Borough", Role.OrganisationLead),
        new("vcse.lead@demo.concordat.example", "Maureen Dobson", "Organisation lead (chair), Northshire and Eastvale VCSE Alliance", "Northshire and Eastvale VCSE", Role.OrganisationLead),
    ];

    /// <summary>The demo's places with their (made-up, well-formed) ONS codes: the local authority's and the sub-ICB location's.</summary>
    private static readonly (string Name, string LocalAuthority, string SubIcbLocation)[] DemoPlaces =
        [("Northshire", "E10000099", "E38000991"), ("Eastvale", "E06000099", "E38000992")];

    /// <summary>
    /// The demo's made-up areas by name, so that its codes show as real ones do once the ONS list is loaded
    /// (<c>concordat import areas</c>). Codes no real area has, so loading the real list never renames them.
    /// </summary>
    private static readonly (string Code, string Name, AreaType Type)[] DemoAreas =
    [
        ("E10000099", "Northshire", AreaType.County), ("E06000099", "Eastvale", AreaType.UnitaryAuthority),
        ("E38000991", "NHS Northshire and Eastvale ICB - Northshire", AreaType.SubIcbLocation),
        ("E38000992", "NHS Northshire and Eastvale ICB - Eastvale", AreaType.SubIcbLocation),
    ];

    /// <summary>Eastvale works in two neighbourhoods, each a primary care network's footprint.</summary>
    private static readonly (string Name, string Code)[] EastvaleNeighbourhoods = [("Eastvale North", "U99001"), ("Eastvale South and Coast", "U99002")];

    private sealed record DemoForum(string Name, ForumKind Kind, string? Place, string[] Members, string Terms, string? Link);

    /// <summary>The statutory forums: the ICP, the ICB's board and a health and wellbeing board for each local authority.</summary>
    private static readonly DemoForum[] Forums =
    [
        new(DemoIcp, ForumKind.IntegratedCarePartnership, null,
            ["NHS Northshire", "Northshire County", "Eastvale Borough", "Northshire and Eastvale VCSE", "Healthwatch", "Northshire Teaching", "Eastvale General"],
            "The joint committee of the integrated care board and the two councils. It sets the integrated care strategy and agrees each published version of it.\n\nQuorum: the ICB, one council and one other partner.",
            "https://www.northshire-eastvale.example/icp/terms-of-reference"),
        new("NHS Northshire and Eastvale ICB Board", ForumKind.IcbBoard, null, ["NHS Northshire"],
            "The unitary board of the integrated care board. It approves the joint forward plan that delivers the strategy.", null),
        new("Northshire Health and Wellbeing Board", ForumKind.HealthAndWellbeingBoard, "Northshire", ["Northshire County", "NHS Northshire", "Healthwatch"],
            "Northshire's statutory health and wellbeing board: owns the joint strategic needs assessment and the joint local health and wellbeing strategy.", null),
        new("Eastvale Health and Wellbeing Board", ForumKind.HealthAndWellbeingBoard, "Eastvale", ["Eastvale Borough", "NHS Northshire", "Eastvale GP"],
            "Eastvale's statutory health and wellbeing board: owns the joint strategic needs assessment and the joint local health and wellbeing strategy.", null),
    ];

    /// <summary>The forum that agrees the demo's published strategy.</summary>
    public const string DemoIcp = "Northshire and Eastvale Integrated Care Partnership";

    private sealed record DemoOrganisation(string Name, OrganisationType Type, string? OdsCode, string[] Places,
        string? OnsCode = null, string? CharityNumber = null, bool IsPartner = true);

    private static readonly DemoOrganisation[] Organisations =
    [
        new("NHS Northshire and Eastvale Integrated Care Board", OrganisationType.IntegratedCareBoard, "QZ9", ["Northshire", "Eastvale"]),
        new("Northshire Teaching Hospitals NHS Foundation Trust", OrganisationType.NhsTrust, "RZ1", ["Northshire"]),
        new("Eastvale General Hospital NHS Trust", OrganisationType.NhsTrust, "RZ2", ["Eastvale"]),
        new("Northshire and Eastvale Community and Mental Health NHS Trust", OrganisationType.NhsTrust, "RZ3", ["Northshire", "Eastvale"]),
        new("Northern Counties Ambulance Service NHS Foundation Trust", OrganisationType.NhsTrust, "RZ4", ["Northshire", "Eastvale"]),
        new("Northshire County Council", OrganisationType.LocalAuthority, null, ["Northshire"], OnsCode: "E10000099"),
        new("Eastvale Borough Council", OrganisationType.LocalAuthority, null, ["Eastvale"], OnsCode: "E06000099"),
        new("Eastvale GP Federation", OrganisationType.PrimaryCare, "Y99001", ["Eastvale"]),
        new("Northshire and Eastvale VCSE Alliance", OrganisationType.Vcse, null, ["Northshire", "Eastvale"], CharityNumber: "1999001"),
        new("St Aidan's Hospice", OrganisationType.Hospice, "8Z991", ["Northshire"], CharityNumber: "1999002"),
        new("Healthwatch Northshire", OrganisationType.Healthwatch, null, ["Northshire"]),
        new("University of Northshire", OrganisationType.Education, null, ["Northshire"], IsPartner: false),
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

        var knownAreas = await db.Areas.Select(a => a.Code).ToListAsync(ct);
        db.Areas.AddRange(DemoAreas.Where(a => !knownAreas.Contains(a.Code)).Select(a => new Area { Code = a.Code, Name = a.Name, Type = a.Type }));

        var places = DemoPlaces.Select(p => new Place { SystemId = system.Id, Name = p.Name, LocalAuthorityCode = p.LocalAuthority, SubIcbLocationCode = p.SubIcbLocation })
            .ToDictionary(p => p.Name);
        places["Eastvale"].Neighbourhoods.AddRange(EastvaleNeighbourhoods.Select(n => new Neighbourhood
        {
            SystemId = system.Id, PlaceId = places["Eastvale"].Id, Name = n.Name, Code = n.Code,
        }));
        db.Places.AddRange(places.Values);
        foreach (var place in places.Values)
        {
            db.Audit(actor, now, "PlaceAdded", PlaceService.EntityType, place.Id, place.Name, null, place.Snapshot());
        }
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
                OnsCode = o.OnsCode,
                CharityNumber = o.CharityNumber,
                IsPartner = o.IsPartner,
                Places = o.Places.Select(p => new OrganisationPlace { SystemId = system.Id, PlaceId = places[p].Id }).ToList(),
            };
            organisations[o.Name] = organisation;
            db.Organisations.Add(organisation);
            db.Audit(actor, now, "OrganisationAdded", OrganisationService.EntityType, organisation.Id, organisation.Name, null,
                organisation.Snapshot(placeNames));
        }

        Guid Org(string prefix) => organisations.Single(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Value.Id;
        var organisationNames = organisations.Values.ToDictionary(o => o.Id, o => o.Name);
        foreach (var f in Forums)
        {
            var forum = new GovernanceForum
            {
                SystemId = system.Id, Name = f.Name, Kind = f.Kind, PlaceId = f.Place is { } place ? places[place].Id : null, TermsOfReference = f.Terms,
                TermsOfReferenceUrl = f.Link,
            };
            forum.Members.AddRange(f.Members.Select(m => new ForumMember { SystemId = system.Id, ForumId = forum.Id, OrganisationId = Org(m) }));
            db.Forums.Add(forum);
            db.Audit(actor, now, "ForumAdded", GovernanceForumService.EntityType, forum.Id, forum.Name, null, forum.Snapshot(organisationNames, f.Place));
        }
        string? passwordHash = null;
        foreach (var demo in People)
        {
            var person = await users.FindByEmailAsync(demo.Email);
            if (person is null)
            {
                person = new Person
                {
                    UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName, CreatedAtUtc = now,
                    NormalizedEmail = users.NormalizeEmail(demo.Email), NormalizedUserName = users.NormalizeName(demo.Email),
                    IsAdministrator = demo.Role is null && demo.NationalBody is null, LockoutEnabled = true,
                };
                // One hash for the shared demo password: hashing is deliberately slow, and these accounts are public anyway.
                person.PasswordHash = passwordHash ??= users.PasswordHasher.HashPassword(person, Password);
                db.Users.Add(person);
            }
            if (demo.Organisation is { } prefix && demo.Role is { } role)
            {
                db.Memberships.Add(new Membership { SystemId = system.Id, PersonId = person.Id, OrganisationId = Org(prefix), Role = role, CreatedAtUtc = now });
            }
            if (demo.NationalBody is { } body && !await db.NationalPartners.AnyAsync(p => p.PersonId == person.Id, ct))
            {
                db.NationalPartners.Add(new National.NationalPartner
                {
                    PersonId = person.Id, NationalBodyId = await db.NationalBodies.Where(b => b.Name == body).Select(b => b.Id).SingleAsync(ct), Team = demo.Team,
                    AppointedAtUtc = now, AppointedByName = "Demo set-up",
                });
            }
        }
        await db.SaveChangesAsync(ct);
        // The neighbouring systems first: Northshire's ask joins theirs in one national theme.
        await neighbours.CreateAsync(ct);
        await goals.CreateAsync(system.Id, ct);
        return system.Id;
    }
}
