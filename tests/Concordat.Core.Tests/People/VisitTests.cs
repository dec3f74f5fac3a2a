using Concordat.Core.People;

namespace Concordat.Core.Tests.People;

public sealed class VisitTests
{
    private static readonly DateTime Nine = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void LooksWithinAMinute_AreNotWrittenDown_LooksWithinAnHour_ContinueTheVisit_ALaterLook_StartsANewOne()
    {
        var visit = new Visit { SeenAtUtc = Nine, ChangesSinceUtc = Nine.AddDays(-3) };

        visit.Seen(Nine.AddSeconds(30));
        var afterReload = visit.SeenAtUtc;
        visit.Seen(Nine.AddMinutes(40));
        var sinceWithinTheVisit = visit.ChangesSinceUtc;
        visit.Seen(Nine.AddHours(3));

        Assert.Equal(Nine, afterReload);
        Assert.Equal(Nine.AddDays(-3), sinceWithinTheVisit);
        Assert.Equal(Nine.AddMinutes(40), visit.ChangesSinceUtc);
        Assert.Equal(Nine.AddHours(3), visit.SeenAtUtc);
    }
}
