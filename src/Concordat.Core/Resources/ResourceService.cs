using System.Text.RegularExpressions;
using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.Contributions;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Resources;

public sealed record SaveResource(Guid? OrganisationId, ResourceKind? Kind, string? Name, double? Quantity, string? Unit, double? AvailableCapacity,
    Guid? PlaceId, string? Contact)
{
    public string? Notes { get; init; }
    public string? Address { get; init; }
    public string? Postcode { get; init; }
    public string? OpeningHours { get; init; }
    public string? DataOwner { get; init; }
    public bool? HasDataSharingAgreement { get; init; }
    public string? FundingSource { get; init; }
    public string? FinancialYear { get; init; }
    public bool? IsRecurrent { get; init; }

    /// <summary>What it is within its kind; the kind may be left out when the type is given.</summary>
    public ResourceType? Type { get; init; }
}

public sealed record ResourceFilter(ResourceKind? Kind = null, Guid? OrganisationId = null, Guid? PlaceId = null);

/// <summary>A resource with what is committed of it at its busiest from today, and what is left idle.</summary>
public sealed record ResourceRow(Resource Resource, string Organisation, string? Place, double Committed, bool HasOverCommitment)
{
    public double Idle => Math.Max(0, Resource.AvailableCapacity - Committed);
    public bool IsOverCommitted => Committed > Resource.AvailableCapacity;
}

/// <summary>A commitment (or request) with its goal, the contributing organisation, and the resource and its owner.</summary>
public sealed record CommitmentRow(ResourceCommitment Commitment, Guid GoalId, string GoalTitle, Guid OrganisationId, string Organisation,
    ContributionStatus ContributionStatus, string ResourceName, string Unit, Guid OwnerId, string Owner)
{
    public bool Counts => Commitment.Status == CommitmentStatus.Accepted && ContributionStatus != ContributionStatus.Withdrawn;

    /// <summary>The given commitments made through the given contributions, each with its goal, contributing organisation and resource, earliest first.</summary>
    internal static IQueryable<CommitmentRow> Query(ConcordatDb db, IQueryable<ResourceCommitment> commitments, IQueryable<Contribution> contributions) =>
        from c in commitments.AsNoTracking()
        join k in contributions on c.ContributionId equals k.Id
        join g in db.Goals on k.GoalId equals g.Id
        join o in db.Organisations on k.OrganisationId equals o.Id
        join r in db.Resources on c.ResourceId equals r.Id
        join owner in db.Organisations on r.OrganisationId equals owner.Id
        orderby c.StartsOn
        select new CommitmentRow(c, g.Id, g.Title, o.Id, o.Name, k.Status, r.Name, r.Unit, owner.Id, owner.Name);
}

public sealed record ResourceDetail(ResourceRow Row, IReadOnlyList<CommitmentRow> Commitments);

/// <summary>The register of the partners' resources. Each organisation keeps its own; everyone in the system reads it.</summary>
public sealed partial class ResourceService(ConcordatDb db, TimeProvider clock)
{
    /// <summary>The organisation's leads and contributors keep its resources, or someone it delegated that work to.</summary>
    public static void RequireKeeper(Actor actor, Guid organisationId) =>
        actor.RequireActingFor(organisationId, Partnerships.DelegatedCapability.Resources,
            "Only the organisation's leads and contributors, or someone it delegated its resources to, can change its resources.");

    public const string EntityType = "Resource";

    public async Task<IReadOnlyList<ResourceRow>> ListAsync(ResourceFilter filter, CancellationToken ct)
    {
        var query = db.Resources.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }
        if (filter.OrganisationId is { } organisationId)
        {
            query = query.Where(r => r.OrganisationId == organisationId);
        }
        if (filter.PlaceId is { } placeId)
        {
            query = query.Where(r => r.PlaceId == placeId);
        }
        var resources = await query.ToListAsync(ct);
        return await RowsAsync(resources, ct);
    }

    private async Task<List<ResourceRow>> RowsAsync(List<Resource> resources, CancellationToken ct)
    {
        var ids = resources.Select(r => r.Id).ToList();
        var commitments = (await ActiveCommitments().Where(c => ids.Contains(c.ResourceId)).ToListAsync(ct)).ToLookup(c => c.ResourceId);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var places = await db.Places.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var today = UkCalendar.Today(clock);
        return resources
            .Select(r => new ResourceRow(r, organisations[r.OrganisationId], r.PlaceId is { } p ? places[p] : null,
                CapacityLedger.Peak(commitments[r.Id].Select(c => (c.Quantity, c.StartsOn, c.EndsOn)), today, DateOnly.MaxValue),
                commitments[r.Id].Any(c => c.OverCommitmentReason is not null && c.EndsOn >= today)))
            .OrderBy(r => r.Resource.Kind).ThenBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.Resource.Name, StringComparer.Ordinal).ThenBy(r => r.Resource.Id)
            .ToList();
    }

    /// <summary>Commitments that count: accepted by the resource's owner, for contributions not withdrawn. Requests count for nothing.</summary>
    internal IQueryable<ResourceCommitment> ActiveCommitments() =>
        db.ResourceCommitments.AsNoTracking().Where(c => c.Status == CommitmentStatus.Accepted
            && db.Contributions.Any(k => k.Id == c.ContributionId && k.Status != ContributionStatus.Withdrawn));

    public async Task<ResourceDetail> GetAsync(Guid id, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("There is no such resource in this system.");
        var row = (await RowsAsync([resource], ct))[0];
        var commitments = await CommitmentRow.Query(db, db.ResourceCommitments.Where(c => c.ResourceId == id), db.Contributions).ToListAsync(ct);
        return new ResourceDetail(row, commitments);
    }

    /// <summary>Leads and contributors register their own organisation's resources (convenors any organisation's).</summary>
    public async Task<Resource> CreateAsync(SaveResource input, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        actor.RequireActingForSome(Partnerships.DelegatedCapability.Resources,
            "Only the organisation's leads and contributors, or someone it delegated its resources to, can register its resources.");
        var resource = new Resource { SystemId = actor.SystemId, Name = "", Unit = "", Contact = "", CreatedAtUtc = now };
        await ApplyAsync(resource, input, ct);
        RequireEditor(resource.OrganisationId, actor);
        db.Resources.Add(resource);
        db.Audit(actor, now, "ResourceRegistered", EntityType, resource.Id, resource.Name, null, Snapshot(resource));
        await db.SaveChangesAsync(ct);
        return resource;
    }

    public async Task<Resource> UpdateAsync(Guid id, SaveResource input, Guid? version, Actor actor, CancellationToken ct)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("There is no such resource in this system.");
        RequireEditor(resource.OrganisationId, actor);
        var before = Snapshot(resource);
        if (!resource.Version.Matches(version, "resource"))
        {
            throw new EditConflictException(resource.Name, resource.Version, before);
        }
        await ApplyAsync(resource, input, ct);
        RequireEditor(resource.OrganisationId, actor);
        var committed = CapacityLedger.Peak((await ActiveCommitments().Where(c => c.ResourceId == id).ToListAsync(ct)).Select(c => (c.Quantity, c.StartsOn, c.EndsOn)),
            UkCalendar.Today(clock), DateOnly.MaxValue);
        if (resource.AvailableCapacity < committed)
        {
            throw new InputInvalidException(nameof(SaveResource.AvailableCapacity),
                $"{Prose.Amount(committed, resource.Unit)} of this resource is committed to goals; available capacity cannot be less than that");
        }
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ResourceChanged", EntityType, id, resource.Name, before, Snapshot(resource));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Resources.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            throw new EditConflictException(current.Name, current.Version, Snapshot(current));
        }
        return resource;
    }

    public async Task RemoveAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var resource = await db.Resources.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("There is no such resource in this system.");
        RequireEditor(resource.OrganisationId, actor);
        if (await db.ResourceCommitments.AnyAsync(c => c.ResourceId == id, ct))
        {
            throw new InputInvalidException("Resource", $"{resource.Name} is committed to goals or requested for them; release its commitments and answer its requests before removing it from the register");
        }
        db.Resources.Remove(resource);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "ResourceRemoved", EntityType, id, resource.Name, Snapshot(resource), null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is Npgsql.PostgresException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Committed (or changed) by someone else in the meantime.
            throw new EditConflictException(resource.Name, Guid.Empty, new Dictionary<string, string?>());
        }
    }

    internal static void RequireEditor(Guid organisationId, Actor actor)
    {
        ResourceService.RequireKeeper(actor, organisationId);
    }

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")]
    private static partial Regex Postcode();

    /// <summary>Validates every field at once and copies the input onto the resource.</summary>
    internal async Task ApplyAsync(Resource resource, SaveResource input, CancellationToken ct)
    {
        var errors = Validate(input, out var values);
        if (input.OrganisationId is not { } organisationId || !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            errors.Add(nameof(input.OrganisationId), "Select the organisation the resource belongs to");
        }
        if (input.PlaceId is { } placeId)
        {
            await OrganisationService.CheckPlacesAsync(db, errors, nameof(input.PlaceId), [placeId], resource.PlaceId is { } kept ? [kept] : [], ct);
        }
        errors.ThrowIfAny();
        values(resource);
        resource.OrganisationId = input.OrganisationId!.Value;
        resource.PlaceId = input.PlaceId;
    }

    /// <summary>The rules that need no database, shared by the form, the API and the CSV import.</summary>
    internal static InputErrors Validate(SaveResource input, out Action<Resource> apply)
    {
        var errors = new InputErrors();
        var type = input.Type is { } t && Enum.IsDefined(t) ? t : (ResourceType?)null;
        var kind = input.Kind is { } k && Enum.IsDefined(k) ? k : type?.KindOf();
        if (type is null)
        {
            errors.Add(nameof(input.Type), kind is { } known
                ? $"Select what type of {known.ToString().ToLowerInvariant()} it is, like {ResourceTypes.Of(known).First().InWords()}"
                : "Select what type of resource it is");
        }
        else if (kind is { } chosen && type.Value.KindOf() != chosen)
        {
            errors.Add(nameof(input.Type), $"The type {type.Value.InWords()} is not {chosen.ToString().ToLowerInvariant()}; choose one of {string.Join(", ", ResourceTypes.Of(chosen).Select(x => x.InWords()))}");
        }
        var name = errors.RequiredText(nameof(input.Name), "Name", input.Name, Resource.NameMaxLength, kind switch
        {
            ResourceKind.Workforce => "Enter the staff group, like district nurses",
            ResourceKind.Estates => "Enter the site, like Harbour Street clinic",
            ResourceKind.Technology => "Enter the system, like the shared care record",
            ResourceKind.Information => "Enter the data set",
            ResourceKind.CommunityAssets => "Enter the service, venue or volunteer group",
            ResourceKind.Funding => "Enter what the money is, like the discharge fund",
            _ => "Enter the resource's name",
        });
        var unit = errors.RequiredText(nameof(input.Unit), "Unit", input.Unit, Resource.UnitMaxLength, "Enter the unit, like WTE, m², seats, hours a week or £");
        var contact = errors.RequiredText(nameof(input.Contact), "Contact", input.Contact, Resource.TextMaxLength, "Enter who to contact about it");
        if (input.Quantity is not { } quantity || !double.IsFinite(quantity) || quantity < 0)
        {
            errors.Add(nameof(input.Quantity), "Enter how much there is, as a number 0 or more");
            quantity = 0;
        }
        if (input.AvailableCapacity is not { } available || !double.IsFinite(available) || available < 0)
        {
            errors.Add(nameof(input.AvailableCapacity), "Enter how much is available to the partnership, as a number 0 or more");
            available = 0;
        }
        else if (input.Quantity is { } q && double.IsFinite(q) && available > q)
        {
            errors.Add(nameof(input.AvailableCapacity), "Available capacity cannot be more than the quantity there is");
        }
        var notes = errors.OptionalText(nameof(input.Notes), "Notes", input.Notes, Resource.TextMaxLength);
        var address = errors.OptionalText(nameof(input.Address), "Address", input.Address, Resource.TextMaxLength);
        var postcode = errors.OptionalText(nameof(input.Postcode), "Postcode", input.Postcode, Resource.PostcodeMaxLength)?.ToUpperInvariant();
        if (postcode is not null && !Postcode().IsMatch(postcode))
        {
            errors.Add(nameof(input.Postcode), "Enter a real postcode, like NE1 4LP");
        }
        var openingHours = errors.OptionalText(nameof(input.OpeningHours), "Opening hours", input.OpeningHours, Resource.TextMaxLength);
        var dataOwner = errors.OptionalText(nameof(input.DataOwner), "Data owner", input.DataOwner, Resource.TextMaxLength);
        var fundingSource = errors.OptionalText(nameof(input.FundingSource), "Source of funding", input.FundingSource, Resource.TextMaxLength);
        var financialYear = errors.OptionalText(nameof(input.FinancialYear), "Financial year", input.FinancialYear, Resource.FinancialYearMaxLength);
        switch (kind)
        {
            case ResourceKind.Information when dataOwner is null:
                errors.Add(nameof(input.DataOwner), "Enter who owns the data set");
                break;
            case ResourceKind.Information when input.HasDataSharingAgreement is null:
                errors.Add(nameof(input.HasDataSharingAgreement), "Say whether a data-sharing agreement is in place");
                break;
            case ResourceKind.Funding:
                if (fundingSource is null)
                {
                    errors.Add(nameof(input.FundingSource), "Enter where the money comes from");
                }
                if (!FinancialYear.IsValid(financialYear))
                {
                    errors.Add(nameof(input.FinancialYear), FinancialYear.Problem);
                }
                if (input.IsRecurrent is null)
                {
                    errors.Add(nameof(input.IsRecurrent), "Say whether the funding is recurrent");
                }
                break;
        }
        apply = resource =>
        {
            resource.Kind = kind!.Value;
            resource.Type = type!.Value;
            resource.Name = name;
            resource.Unit = unit;
            resource.Contact = contact;
            resource.Quantity = quantity;
            resource.AvailableCapacity = available;
            resource.Notes = notes;
            var estates = kind == ResourceKind.Estates;
            (resource.Address, resource.Postcode, resource.OpeningHours) = estates ? (address, postcode, openingHours) : (null, null, null);
            (resource.DataOwner, resource.HasDataSharingAgreement) = kind == ResourceKind.Information ? (dataOwner, input.HasDataSharingAgreement) : (null, null);
            (resource.FundingSource, resource.FinancialYear, resource.IsRecurrent) = kind == ResourceKind.Funding
                ? (fundingSource, financialYear, input.IsRecurrent) : (null, null, null);
        };
        return errors;
    }

    internal static SortedDictionary<string, string?> Snapshot(Resource r) => new()
    {
        ["Kind"] = r.Kind.InWords(), ["Type"] = r.Type.InWords(), ["Name"] = r.Name, ["Quantity"] = Prose.Amount(r.Quantity, r.Unit), ["Available to the partnership"] = Prose.Amount(r.AvailableCapacity, r.Unit),
        ["Contact"] = r.Contact, ["Notes"] = r.Notes, ["Address"] = r.Address, ["Postcode"] = r.Postcode, ["Opening hours"] = r.OpeningHours,
        ["Data owner"] = r.DataOwner, ["Data-sharing agreement"] = r.HasDataSharingAgreement is { } agreement ? Prose.YesNo(agreement) : null,
        ["Source of funding"] = r.FundingSource, ["Financial year"] = r.FinancialYear, ["Recurrent"] = r.IsRecurrent is { } recurrent ? Prose.YesNo(recurrent) : null,
    };
}
