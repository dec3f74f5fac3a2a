using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Goals;

internal static class GoalApi
{
    public static object Draft(TestSystem system, string title = "Fewer emergency admissions of frail older people") => new
    {
        title,
        outcomeStatement = "By March 2028, 15% fewer emergency admissions of people aged 75 and over living with frailty.",
        population = "People aged 75 and over with moderate or severe frailty",
        wholeSystem = true,
        horizon = "2028-03-31",
        leadOrganisationId = system.TrustId,
        seniorResponsibleOwner = "Dr Anna Patel",
    };

    public static async Task<Guid> DraftAsync(HttpClient client, TestSystem system, string? title = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals", title is null ? Draft(system) : Draft(system, title));
        response.EnsureSuccessStatusCode();
        return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
    }

    public static async Task<(Guid RoundId, JsonNode Round)> OpenAsync(HttpClient convenor, TestSystem system, Guid goalId, object? body = null)
    {
        var response = await convenor.PostAsJsonAsync($"/api/v1/systems/{system.Id}/goals/{goalId}/rounds",
            body ?? new { kind = "Adopt", closesOn = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), requiredOrganisationIds = new[] { system.TrustId, system.CouncilId } });
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return (Guid.Parse(json["id"]!.GetValue<string>()), json);
    }

    public static Task<HttpResponseMessage> PositionAsync(HttpClient lead, TestSystem system, Guid roundId, Guid organisationId, string position,
        string? reason = null, string? wouldResolve = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/systems/{system.Id}/rounds/{roundId}/positions")
        {
            Content = JsonContent.Create(new { organisationId, position, reason, wouldResolve, decision = "Board, 14 January 2027" }),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return lead.SendAsync(request);
    }

    public static async Task<JsonNode> RoundAsync(HttpClient client, TestSystem system, Guid roundId) =>
        await (await client.GetAsync($"/api/v1/systems/{system.Id}/rounds/{roundId}")).JsonAsync();

    public static string PositionVersion(JsonNode round, Guid organisationId) =>
        $"\"{Guid.Parse(round["positions"]!.AsArray().Single(p => p!["organisationId"]!.GetValue<string>() == organisationId.ToString())!["version"]!.GetValue<string>()):N}\"";
}
