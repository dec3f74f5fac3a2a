using Concordat.Core.Asks;
using Concordat.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Core.Demo;

/// <summary>
/// The demo's asks of national bodies, drafted by the leads who own them: the county council asks its region to let the
/// discharge funding be pooled with the council's own, offering a shared outcome report in return; the ICB asks NHS England
/// for a blended payment for the frailty virtual ward. Each names the goals it unlocks, and the first the RAID risk it
/// would mitigate.
/// </summary>
public sealed class DemoAsks(ConcordatDb db, AskService asks)
{
    public async Task CreateAsync(DemoProgramme p, CancellationToken ct)
    {
        var c = p.Context;
        var bodies = await db.NationalBodies.ToDictionaryAsync(b => b.Name, b => b.Id, ct);
        // The newest such risk: tests grow the demo by entering its goals again, each time with their own RAID log.
        var homeCareRisk = await db.RaidEntries.Where(r => r.Text.StartsWith("Reablement and home care in rural Northshire"))
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(ct);

        await asks.CreateAsync(new SaveAsk("Pool the discharge funding with the council's reablement budget",
            AskCategory.FinancialFlexibility, bodies["NHS England North East and Yorkshire"],
            "The discharge fund comes to the ICB and to the council as two grants, each with its own conditions and returns, so neither can commission "
            + "reablement and home care as one service, and providers are paid twice for the same visit.",
            "Let the two grants be pooled in the better care fund's section 75 agreement for three years, with one set of conditions and one quarterly return.",
            "Delayed discharges of people waiting for reablement rose by a third last winter; the better care fund review found the same visits paid twice.",
            "A single outcome report each quarter for both grants, and the pooled fund's spending opened to the region line by line.",
            p.Org("Northshire County"), [c.FrailtyGoalId, c.AeGoalId], [homeCareRisk]), p.LeadOf("Northshire County"), ct);

        await asks.CreateAsync(new SaveAsk("A blended payment for the frailty virtual ward",
            AskCategory.PaymentModel, bodies["NHS England"],
            "The virtual ward is paid per bed-day under the block contract's activity terms, so the trusts lose income for every admission it avoids.",
            "Support a blended payment for three years: a fixed element for the ward's capacity and a variable element for admissions avoided against a baseline.",
            null, "Publish the ward's outcomes and costs against the national evaluation's measures each quarter.",
            p.Org("NHS Northshire and Eastvale Integrated"), [c.FrailtyGoalId], []), p.LeadOf("NHS Northshire and Eastvale Integrated"), ct);
    }
}
