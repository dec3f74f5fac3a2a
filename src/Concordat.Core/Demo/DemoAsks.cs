using Concordat.Core.Asks;
using Concordat.Core.Data;
using Concordat.Core.Goals;
using Concordat.Core.National;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo's asks of national bodies, one in each part of the life of an ask:
/// <list type="bullet">
/// <item>the county council's ask that the discharge funding be pooled went to the region two months ago; the region
/// linked it to a theme with the same ask from the two neighbouring systems and asked all three one question through it;
/// the partners revised the ask, and the region partly agreed it with conditions, which the system says it is meeting;</item>
/// <item>the council's ask of the CQC for one joint review of the frailty pathway has waited on the CQC past its due
/// days since the CQC accepted it for discussion;</item>
/// <item>the ICB's ask of NHS England for a blended payment is with the partners, some of whom have agreed it;</item>
/// <item>the community trust's ask for capital is still a draft.</item>
/// </list>
/// The exchange is entered as it happened, on the days it happened, so the clock reads as it would in life.
/// </summary>
public sealed class DemoAsks(ConcordatDb db, AskService asks, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task CreateAsync(DemoProgramme p, CancellationToken ct)
    {
        var c = p.Context;
        var bodies = await db.NationalBodies.ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        // The newest such risk: tests grow the demo by entering its goals again, each time with their own RAID log.
        var homeCareRisk = await db.RaidEntries.Where(r => r.Text.StartsWith("Reablement and home care in rural Northshire"))
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        var county = p.LeadOf("Northshire County");
        var icb = p.LeadOf("NHS Northshire and Eastvale Integrated");

        var pooling = await asks.CreateAsync(new SaveAsk("Pool the discharge funding with the council's reablement budget",
            AskCategory.FinancialFlexibility, bodies["NHS England North East and Yorkshire"],
            "The discharge fund comes to the ICB and to the council as two grants, each with its own conditions and returns, so neither can commission "
            + "reablement and home care as one service, and providers are paid twice for the same visit.",
            "Let the two grants be pooled in the better care fund's section 75 agreement for three years, with one set of conditions and one quarterly return.",
            "Delayed discharges of people waiting for reablement rose by a third last winter; the better care fund review found the same visits paid twice.",
            "A single outcome report each quarter for both grants, and the pooled fund's spending opened to the region line by line.",
            p.Org("Northshire County"), [c.FrailtyGoalId, c.AeGoalId], [homeCareRisk]), county, ct);
        var region = await PartnerAsync("NHS England North East and Yorkshire", ct);
        await AgreeAndSubmitAsync(pooling.Id, p, DaysAgo(60), ct);
        await AskTheThemeAsync(region, pooling.Id, ct);
        await new AskExchangeService(db, At(DaysAgo(45))).ReplyAsync(pooling.Id, new SystemReply(AskIterationKind.RevisedProposal,
            "The ring-fence stays, and the council accounts for the pooled fund as host, as the region asked.",
            "Pool the discharge funding with the council's reablement budget",
            "The discharge fund comes to the ICB and to the council as two grants, each with its own conditions and returns, so neither can commission "
            + "reablement and home care as one service, and providers are paid twice for the same visit.",
            "Let the two grants be pooled in the better care fund's section 75 agreement for two years, hosted by the county council, keeping the ring-fence "
            + "for people leaving hospital, with one set of conditions and one quarterly return.",
            "A single outcome report each quarter for both grants, the pooled fund's spending opened to the region line by line, and a joint review after a year."),
            Access.Versions.Any, county, ct);
        await new NationalInbox(db, At(DaysAgo(30))).RespondAsync(region, pooling.Id, new NationalResponse(AskIterationKind.PartlyAgreed,
            "One set of conditions and one quarterly return for both grants, from April, for two years. The grants stay separate in the accounts.",
            "The quarterly outcome report covers delayed discharges and reablement outcomes at 91 days, and the joint review reports to the region by next March."),
            Access.Versions.Any, ct);
        await new AskExchangeService(db, At(DaysAgo(10))).AssessConditionsAsync(pooling.Id, new ConditionAssessment(ConditionStatus.BeingMet,
            "The first joint quarterly return went in on time."), Access.Versions.Any, county, ct);

        var review = await asks.CreateAsync(new SaveAsk("One joint review of the frailty pathway",
            AskCategory.RegulatoryStreamlining, bodies["Care Quality Commission"],
            "The frailty pathway crosses five providers, each inspected on its own: the handovers between them, where people come to harm, are nobody's to look at.",
            "Assess the frailty pathway once, across the partners, instead of provider by provider, as part of the local authority assessment.",
            null, "One shared evidence pack for the pathway, kept up to date by the partners.",
            p.Org("Northshire County"), [c.FrailtyGoalId], []), county, ct);
        var cqc = await PartnerAsync("Care Quality Commission", ct);
        await AgreeAndSubmitAsync(review.Id, p, DaysAgo(50), ct);
        await new NationalInbox(db, At(DaysAgo(47))).RespondAsync(cqc, review.Id, new NationalResponse(AskIterationKind.AcceptedForDiscussion,
            "Taken to the assessment design group.", null), Access.Versions.Any, ct);

        var payment = await asks.CreateAsync(new SaveAsk("A blended payment for the frailty virtual ward",
            AskCategory.PaymentModel, bodies["NHS England"],
            "The virtual ward is paid per bed-day under the block contract's activity terms, so the trusts lose income for every admission it avoids.",
            "Support a blended payment for three years: a fixed element for the ward's capacity and a variable element for admissions avoided against a baseline.",
            null, "Publish the ward's outcomes and costs against the national evaluation's measures each quarter.",
            p.Org("NHS Northshire and Eastvale Integrated"), [c.FrailtyGoalId], []), icb, ct);
        var rounds = new AskRoundService(db, clock);
        var round = await rounds.OpenAsync(payment.Id, new OpenAskRound(p.Today.AddDays(14), [.. c.Leads.Keys]), icb, ct);
        foreach (var (organisation, lead) in c.Leads.Take(3))
        {
            await rounds.RecordPositionAsync(payment.Id, round.Id, new RecordAskPosition(organisation, PositionKind.Consent, null, null, null), null, lead, ct);
        }

        await asks.CreateAsync(new SaveAsk("Capital for a community diagnostic centre in Eastvale",
            AskCategory.Capital, bodies["Department of Health and Social Care"],
            "Eastvale's nearest scanner is 40 minutes away by bus; the trust's capital allocation is committed to backlog maintenance for five years.",
            "Fund a community diagnostic centre in Eastvale town centre from the national capital programme.",
            null, null, p.Org("Northshire and Eastvale Community"), [], []), p.LeadOf("Northshire and Eastvale Community"), ct);
    }

    /// <summary>
    /// The region links Northshire's ask and its neighbours' asks for the same freedom to one theme, and asks all three
    /// systems one question through it. The body acts outside every system, so this is done in a scope of its own, and
    /// the ask is read afresh here afterwards.
    /// </summary>
    private async Task AskTheThemeAsync(NationalPartnerView region, Guid poolingId, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var national = scope.ServiceProvider.GetRequiredService<ConcordatDb>();
            var inbox = new NationalInbox(national, At(DaysAgo(53)));
            var themes = new ThemeService(national, inbox, At(DaysAgo(53)));
            var theme = await themes.CreateAsync(region, new SaveTheme("Pooling discharge funding in the better care fund",
                "Systems asking for the hospital discharge grants to be pooled in the better care fund under one set of conditions.", 3), ct);
            var neighbours = await national.Asks.IgnoreQueryFilters()
                .Where(a => a.NationalBodyId == region.NationalBodyId && a.Status == AskStatus.Submitted && a.Id != poolingId
                    && a.Title == "Pool the discharge grants in the better care fund")
                .OrderBy(a => a.SubmittedAtUtc).Select(a => a.Id).ToListAsync(ct);
            foreach (var id in (IEnumerable<Guid>)[poolingId, .. neighbours])
            {
                await themes.LinkAsync(region, theme.Id, id, ct);
            }
            await new ThemeService(national, new NationalInbox(national, At(DaysAgo(52))), At(DaysAgo(52))).RespondAsync(region, theme.Id,
                new NationalResponse(AskIterationKind.Question,
                    "Would the pooled fund keep the discharge fund's ring-fence for people leaving hospital, and who would account for it?", null), ct);
        }
        foreach (var entry in db.ChangeTracker.Entries<Ask>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>Every partner with a lead agrees the ask (the VCSE alliance with a concern), and the owner submits it, on the day given.</summary>
    private async Task AgreeAndSubmitAsync(Guid askId, DemoProgramme p, DateTime on, CancellationToken ct)
    {
        var c = p.Context;
        var ask = await db.Asks.AsNoTracking().SingleAsync(a => a.Id == askId, ct);
        var owner = p.For(ask.OwnerOrganisationId);
        var rounds = new AskRoundService(db, At(on.AddDays(-7)));
        var round = await rounds.OpenAsync(askId, new OpenAskRound(UkDay(on), [.. c.Leads.Keys]), owner, ct);
        var vcse = p.Org("Northshire and Eastvale VCSE");
        foreach (var (organisation, lead) in c.Leads)
        {
            await new AskRoundService(db, At(on.AddDays(-3))).RecordPositionAsync(askId, round.Id, organisation == vcse
                ? new RecordAskPosition(organisation, PositionKind.ConsentWithConcerns, "The alliance's members should hear how the freedom is used.", null, null)
                : new RecordAskPosition(organisation, PositionKind.Consent, null, null, null), null, lead, ct);
        }
        await new AskExchangeService(db, At(on)).SubmitAsync(askId, Access.Versions.Any, owner, ct);
    }

    private async Task<NationalPartnerView> PartnerAsync(string body, CancellationToken ct) =>
        await db.NationalPartners.AsNoTracking().Where(n => n.NationalBody!.Name == body).OrderBy(n => n.PersonId)
            .Select(n => new NationalPartnerView(n.PersonId, n.Person!.DisplayName, n.NationalBodyId, n.NationalBody!.Name, n.NationalBody.Kind, n.Team))
            .FirstAsync(ct);

    private DateTime DaysAgo(int days) => clock.GetUtcNow().UtcDateTime.AddDays(-days);

    private static DateOnly UkDay(DateTime utc) => Access.UkCalendar.DayOf(utc);

    /// <summary>The exchange's services, run on the day each step happened.</summary>
    private static DemoClock At(DateTime utc) => new(utc);
}
