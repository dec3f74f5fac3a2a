using Concordat.Core.Goals;

namespace Concordat.Web.Tests.Infrastructure;

public static class ProgrammeSeed
{
    /// <summary>An agreed goal, "Fewer falls", that the trust leads: what the work programme's tests serve.</summary>
    public static async Task<Guid> AgreedGoalAsync(this TestApp app, TestSystem system, CancellationToken ct)
    {
        await using var scope = app.Database(system.Id);
        var goal = new Goal
        {
            SystemId = system.Id, Title = "Fewer falls", OutcomeStatement = "Fewer older people harmed by falls by 2028", Population = "People over 65",
            WholeSystem = true, Horizon = new DateOnly(2028, 3, 31), LeadOrganisationId = system.TrustId, SeniorResponsibleOwner = "Director of Nursing",
            Status = GoalStatus.Agreed, CreatedAtUtc = DateTime.UtcNow,
        };
        scope.Db.Goals.Add(goal);
        await scope.Db.SaveChangesAsync(ct);
        return goal.Id;
    }
}
