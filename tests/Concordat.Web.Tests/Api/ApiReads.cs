using System.Text.Json.Nodes;
using Concordat.Core.Demo;
using Concordat.Core.Tokens;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Web.Tests.Api;

/// <summary>One GET of the API, its template from the OpenAPI document and an address of it in a system.</summary>
internal sealed record ApiRead(string Template, string Url, bool IsList);

/// <summary>
/// Every GET of the API that the OpenAPI document declares, with an address to read in a system: each path parameter is the
/// first item of the list the path names up to it (<c>/goals/{id}</c> is the first of <c>/goals</c>). A GET with a parameter
/// no list gives (a driver, a round) is left out and named in <c>Unresolved</c>.
/// </summary>
internal static class ApiReads
{
    public static async Task<(List<ApiRead> Reads, List<string> Unresolved)> InAsync(HttpClient api, Guid systemId, CancellationToken ct)
    {
        var document = JsonNode.Parse(await api.GetStringAsync("/openapi/v1.json", ct))!;
        var firsts = new Dictionary<string, JsonNode?>();
        var reads = new List<ApiRead>();
        var unresolved = new List<string>();
        foreach (var (template, operations) in document["paths"]!.AsObject())
        {
            if (operations?["get"] is not { } get)
            {
                continue;
            }
            var isList = get["responses"]?["200"]?["content"]?["application/json"]?["schema"]?["type"]?.ToString() == "array";
            var url = "";
            foreach (var segment in template.Trim('/').Split('/'))
            {
                if (url is null)
                {
                    break;
                }
                if (!segment.StartsWith('{'))
                {
                    url += "/" + segment;
                    continue;
                }
                var name = segment.Trim('{', '}');
                if (name == "systemId")
                {
                    url += "/" + systemId;
                    continue;
                }
                if (!firsts.TryGetValue(url, out var first))
                {
                    var response = await api.GetAsync(url, ct);
                    first = response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) is JsonArray { Count: > 0 } items ? items[0] : null;
                    firsts[url] = first;
                }
                url = (first?[name] ?? first?["id"]) is { } value ? $"{url}/{value}" : null;
            }
            if (url is null)
            {
                unresolved.Add(template);
            }
            else
            {
                reads.Add(new ApiRead(template, url, isList));
            }
        }
        return (reads, unresolved);
    }

    /// <summary>The demo workspace, in an app of the test's own (its people have fixed addresses), and an API client of its convenor.</summary>
    public static async Task<(Guid SystemId, HttpClient Api)> DemoAsync(TestApp app, CancellationToken ct)
    {
        var systemId = await app.WithScopeAsync(s => s.GetRequiredService<DemoWorkspace>().CreateAsync(ct));
        return (systemId, await DemoClientAsync(app, DemoWorkspace.ConvenorEmail, ct));
    }

    /// <summary>An API client of one of the demo's people (the administrator, say, for what only administrators read).</summary>
    public static async Task<HttpClient> DemoClientAsync(TestApp app, string email, CancellationToken ct)
    {
        var token = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Concordat.Core.Data.ConcordatDb>();
            var person = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);
            return (await s.GetRequiredService<TokenService>().CreateAsync(person, new CreateToken("test", null), ct)).Secret;
        });
        return ApiClient.WithToken(app, token);
    }
}
