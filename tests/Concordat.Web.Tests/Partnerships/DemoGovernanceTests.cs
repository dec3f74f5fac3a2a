using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Partnerships;

/// <summary>The demo shows places with their ONS codes, neighbourhoods, the statutory forums and a version agreed at the ICP.</summary>
public sealed class DemoGovernanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_HasCodedPlaces_EastvalesNeighbourhoods_ItsForums_AndAVersionAgreedAtTheIcp()
    {
        await using var app = new TestApp(DatabaseKind.Sqlite);
        var (systemId, api) = await ApiReads.DemoAsync(app, Ct);
        var url = $"/api/v1/systems/{systemId}";

        var places = (await (await api.GetAsync($"{url}/places", Ct)).JsonAsync()).AsArray();
        var eastvale = places.Single(p => p!["name"]!.GetValue<string>() == "Eastvale")!;
        var neighbourhoods = (await (await api.GetAsync($"{url}/places/{eastvale["id"]}/neighbourhoods", Ct)).JsonAsync()).AsArray();
        var forums = (await (await api.GetAsync($"{url}/forums", Ct)).JsonAsync()).AsArray();
        var latest = (await (await api.GetAsync($"{url}/strategy/versions", Ct)).JsonAsync()).AsArray()[0]!;

        Assert.All(places, p => Assert.Matches("^E[0-9]{8}$", p!["localAuthorityCode"]!.GetValue<string>()));
        Assert.All(places, p => Assert.Matches("^E38[0-9]{6}$", p!["subIcbLocationCode"]!.GetValue<string>()));
        Assert.Equal(2, neighbourhoods.Count);
        Assert.Equal(["HealthAndWellbeingBoard", "HealthAndWellbeingBoard", "IcbBoard", "IntegratedCarePartnership"],
            forums.Select(f => f!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(forums, f => Assert.NotEmpty(f!["members"]!.AsArray()));
        Assert.Equal("Northshire and Eastvale Integrated Care Partnership", latest["agreedBy"]!.GetValue<string>());
        Assert.NotNull(latest["agreedOn"]);
    }
}
