using Concordat.Core.Contributions;
using Concordat.Core.Goals;
using Concordat.Core.History;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Strategy;
using Concordat.Core.Tokens;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Data;

/// <summary>
/// The one model for both providers. <see cref="SqliteConcordatDb"/> and <see cref="PostgresConcordatDb"/> only
/// exist so that each provider has its own migration set.
/// </summary>
public abstract class ConcordatDb(DbContextOptions options, TenantScope tenant)
    : IdentityDbContext<Person, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect session cookies and antiforgery tokens, shared by every app node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CareSystem> Systems => Set<CareSystem>();
    public DbSet<National.NationalBody> NationalBodies => Set<National.NationalBody>();
    public DbSet<National.NationalPartner> NationalPartners => Set<National.NationalPartner>();
    public DbSet<Asks.Ask> Asks => Set<Asks.Ask>();
    public DbSet<Asks.AskRound> AskRounds => Set<Asks.AskRound>();
    public DbSet<Asks.AskPosition> AskPositions => Set<Asks.AskPosition>();
    public DbSet<Asks.AskIteration> AskIterations => Set<Asks.AskIteration>();
    public DbSet<Asks.NationalTheme> NationalThemes => Set<Asks.NationalTheme>();
    public DbSet<Place> Places => Set<Place>();
    public DbSet<Neighbourhood> Neighbourhoods => Set<Neighbourhood>();
    public DbSet<GovernanceForum> Forums => Set<GovernanceForum>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationPlace> OrganisationPlaces => Set<OrganisationPlace>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<Ambition> Ambitions => Set<Ambition>();
    public DbSet<AgreementRound> AgreementRounds => Set<AgreementRound>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Perspective> Perspectives => Set<Perspective>();
    public DbSet<Contribution> Contributions => Set<Contribution>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<Measures.Measure> Measures => Set<Measures.Measure>();
    public DbSet<Measures.Observation> Observations => Set<Measures.Observation>();
    public DbSet<Measures.GoalMeasure> GoalMeasures => Set<Measures.GoalMeasure>();
    public DbSet<Measures.MeasureRebase> MeasureRebases => Set<Measures.MeasureRebase>();
    public DbSet<Measures.TrajectoryPoint> TrajectoryPoints => Set<Measures.TrajectoryPoint>();
    public DbSet<Measures.ObservationUpload> ObservationUploads => Set<Measures.ObservationUpload>();
    public DbSet<Resources.Resource> Resources => Set<Resources.Resource>();
    public DbSet<Resources.ResourceCommitment> ResourceCommitments => Set<Resources.ResourceCommitment>();
    public DbSet<Resources.GoalNeed> GoalNeeds => Set<Resources.GoalNeed>();
    public DbSet<Resources.PooledFund> PooledFunds => Set<Resources.PooledFund>();
    public DbSet<Resources.PooledFundContribution> PooledFundContributions => Set<Resources.PooledFundContribution>();
    public DbSet<Resources.PooledFundScheme> PooledFundSchemes => Set<Resources.PooledFundScheme>();
    public DbSet<Resources.PooledFundSchemeGoal> PooledFundSchemeGoals => Set<Resources.PooledFundSchemeGoal>();
    public DbSet<TheoryOfChange.Driver> Drivers => Set<TheoryOfChange.Driver>();
    public DbSet<TheoryOfChange.DriverLink> DriverLinks => Set<TheoryOfChange.DriverLink>();
    public DbSet<TheoryOfChange.DriverShare> DriverShares => Set<TheoryOfChange.DriverShare>();
    public DbSet<TheoryOfChange.DriverMeasure> DriverMeasures => Set<TheoryOfChange.DriverMeasure>();
    public DbSet<TheoryOfChange.ChangeIdea> ChangeIdeas => Set<TheoryOfChange.ChangeIdea>();
    public DbSet<TheoryOfChange.ChangeIdeaDriver> ChangeIdeaDrivers => Set<TheoryOfChange.ChangeIdeaDriver>();
    public DbSet<TheoryOfChange.ChangeIdeaContribution> ChangeIdeaContributions => Set<TheoryOfChange.ChangeIdeaContribution>();
    public DbSet<Strategy.StrategyVersion> StrategyVersions => Set<Strategy.StrategyVersion>();
    public DbSet<WorkProgramme.Workstream> Workstreams => Set<WorkProgramme.Workstream>();
    public DbSet<WorkProgramme.WorkstreamGoal> WorkstreamGoals => Set<WorkProgramme.WorkstreamGoal>();
    public DbSet<WorkProgramme.WorkstreamOrganisation> WorkstreamOrganisations => Set<WorkProgramme.WorkstreamOrganisation>();
    public DbSet<WorkProgramme.WorkstreamChangeIdea> WorkstreamChangeIdeas => Set<WorkProgramme.WorkstreamChangeIdea>();
    public DbSet<WorkProgramme.WorkItem> WorkItems => Set<WorkProgramme.WorkItem>();
    public DbSet<WorkProgramme.WorkItemOrganisation> WorkItemOrganisations => Set<WorkProgramme.WorkItemOrganisation>();
    public DbSet<WorkProgramme.WorkItemChangeIdea> WorkItemChangeIdeas => Set<WorkProgramme.WorkItemChangeIdea>();
    public DbSet<WorkProgramme.WorkItemComment> WorkItemComments => Set<WorkProgramme.WorkItemComment>();
    public DbSet<WorkProgramme.Iterations.IterationCadence> IterationCadences => Set<WorkProgramme.Iterations.IterationCadence>();
    public DbSet<WorkProgramme.Iterations.Iteration> Iterations => Set<WorkProgramme.Iterations.Iteration>();
    public DbSet<WorkProgramme.Iterations.IterationSnapshotItem> IterationSnapshotItems => Set<WorkProgramme.Iterations.IterationSnapshotItem>();
    public DbSet<WorkProgramme.Iterations.IterationParticipant> IterationParticipants => Set<WorkProgramme.Iterations.IterationParticipant>();
    public DbSet<WorkProgramme.Iterations.IterationSlipNote> IterationSlipNotes => Set<WorkProgramme.Iterations.IterationSlipNote>();
    public DbSet<WorkProgramme.Iterations.RetrospectiveAnswer> RetrospectiveAnswers => Set<WorkProgramme.Iterations.RetrospectiveAnswer>();
    public DbSet<WorkProgramme.Iterations.RetrospectiveAction> RetrospectiveActions => Set<WorkProgramme.Iterations.RetrospectiveAction>();
    public DbSet<WorkProgramme.Dependencies.Dependency> Dependencies => Set<WorkProgramme.Dependencies.Dependency>();
    public DbSet<Raid.RaidEntry> RaidEntries => Set<Raid.RaidEntry>();
    public DbSet<Raid.RaidEntryGoal> RaidEntryGoals => Set<Raid.RaidEntryGoal>();
    public DbSet<Raid.RaidEntryWorkstream> RaidEntryWorkstreams => Set<Raid.RaidEntryWorkstream>();
    public DbSet<Raid.RaidEntryWorkItem> RaidEntryWorkItems => Set<Raid.RaidEntryWorkItem>();
    public DbSet<Pdsa.PdsaCycle> PdsaCycles => Set<Pdsa.PdsaCycle>();
    public DbSet<Pdsa.PdsaCycleOrganisation> PdsaCycleOrganisations => Set<Pdsa.PdsaCycleOrganisation>();

    /// <summary>ONS areas by code: reference data shared by every system, so not filtered by tenant.</summary>
    public DbSet<Areas.Area> Areas => Set<Areas.Area>();
    public DbSet<Strategy.StrategyNarrative> StrategyNarratives => Set<Strategy.StrategyNarrative>();
    public DbSet<Strategy.RelatedDocument> RelatedDocuments => Set<Strategy.RelatedDocument>();
    public DbSet<GoalJointOwner> GoalJointOwners => Set<GoalJointOwner>();

    /// <summary>The system whose rows queries may see; null sees no tenant-owned rows at all.</summary>
    public Guid? CurrentSystemId => tenant.SystemId;

    public TenantScope Tenant => tenant;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ConcordatDb).Assembly);

        // Tenancy is enforced here, once, for every tenant-owned entity: a query made without a current system
        // returns nothing rather than everything. Cross-system reads must opt out with IgnoreQueryFilters().
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            var method = typeof(ConcordatDb).GetMethod(nameof(FilterByTenant), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            method.Invoke(this, [builder]);
        }
    }

    private void FilterByTenant<T>(ModelBuilder builder) where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(e => e.SystemId == CurrentSystemId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        if (AddedAuditEvents().Count > 0)
        {
            throw new InvalidOperationException("Audit entries are chained as they are saved, which needs SaveChangesAsync.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        var audits = AddedAuditEvents();
        if (audits.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // Every audit entry, whoever writes it, is chained here, in the transaction that saves it (see AuditChain).
        if (Database.CurrentTransaction is not null)
        {
            await AuditChain.LinkAsync(this, audits, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await AuditChain.LinkAsync(this, audits, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    private List<AuditEvent> AddedAuditEvents() =>
        [.. ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)];

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            // SQLite does not maintain row versions, so the token is renewed by the application on every update;
            // the UPDATE is guarded by the original value, which a concurrent save has already replaced.
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version = Guid.NewGuid();
            }

            // A published strategy version is a record of what the partners approved: nothing may change or remove it.
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is Strategy.StrategyVersion)
            {
                throw new InvalidOperationException(PublishedVersionTriggers.Refusal);
            }

            // The audit is a record of what happened: it is only ever added to.
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is AuditEvent)
            {
                throw new InvalidOperationException(AuditTriggers.Refusal);
            }

            // A row written while one system is current can only belong to that system.
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity is ITenantOwned owned
                && tenant.SystemId is { } current && owned.SystemId != current)
            {
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} belongs to another system than the current one.");
            }
        }
    }
}

public sealed class SqliteConcordatDb(DbContextOptions<SqliteConcordatDb> options, TenantScope tenant) : ConcordatDb(options, tenant);

public sealed class PostgresConcordatDb(DbContextOptions<PostgresConcordatDb> options, TenantScope tenant) : ConcordatDb(options, tenant);

/// <summary>A row that belongs to one system (tenant).</summary>
public interface ITenantOwned
{
    Guid SystemId { get; }
}

/// <summary>An editable row guarded by an optimistic concurrency token.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>
/// The system the current request or command acts in. Set once by the host (request middleware, CLI command)
/// after it has checked that the caller belongs to the system.
/// </summary>
public sealed class TenantScope
{
    public Guid? SystemId { get; private set; }

    public void Enter(Guid systemId)
    {
        if (SystemId is { } existing && existing != systemId)
        {
            throw new InvalidOperationException("This scope already acts in another system.");
        }
        SystemId = systemId;
    }
}
