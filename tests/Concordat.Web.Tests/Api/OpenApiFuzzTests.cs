using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concordat.Web.Tests.Contributions;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Concordat.Web.Tests.Resources;
using CsCheck;

namespace Concordat.Web.Tests.Api;

/// <summary>
/// Requests generated from the OpenAPI document for every operation, as a convenor and as a viewer: values of the
/// declared types, values of the wrong type, unknown enum names, unparseable ids and numbers, bodies that are not
/// JSON. Whatever is sent, the answer must be one the document lists, of its content type and schema, and never a
/// 5xx. Each run is seeded, so a failure is repeated by running it again.
/// </summary>
public abstract partial class OpenApiFuzzTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private const int RequestsPerOperation = 12;
    private const ulong Seed = 20261207;

    [Fact]
    public Task AsConvenor_EveryAnswerKeepsToTheDocument() => FuzzAsync(s => s.Convenor, writes: true);

    /// <summary>A viewer changes nothing, so every write it sends that can be read is refused as forbidden before anything
    /// about it is checked: never "not valid", "send If-Match" or "changed since" (which would tell it what exists and how).</summary>
    [Fact]
    public Task AsViewer_EveryAnswerKeepsToTheDocument_AndEveryWriteIsForbiddenFirst() => FuzzAsync(s => s.Viewer, writes: false);

    private static readonly string[] CheckedBeforePermission = ["validation_failed", "if_match_required", "edit_conflict"];

    private async Task FuzzAsync(Func<TestSystem, TestPerson> role, bool writes)
    {
        var system = await App.CreateSystemAsync();
        var contract = new OpenApiContract(await App.CreateClient().GetStringAsync("/openapi/v1.json", Ct));
        var ids = await KnownIdsAsync(system, contract);
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await App.TokenForAsync(role(system)));
        var generated = new FuzzValues(contract, ids);
        var failures = new List<ContractFailure>();
        var requests = 0;
        var index = 0u;
        foreach (var (method, template, operation) in contract.Operations.OrderBy(o => o.Template).ThenBy(o => o.Method))
        {
            var gen = generated.Request(method, template, operation, system.Id);
            var pcg = new PCG(index++, Seed);
            for (var i = 0; i < RequestsPerOperation; i++)
            {
                var request = gen.Generate(pcg, null, out _);
                using var message = request.ToMessage();
                using var response = await client.SendAsync(message, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                requests++;
                if (contract.Check(method, message.RequestUri!.AbsolutePath, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body) is { } failure)
                {
                    failures.Add(failure with { Description = $"{failure.Description}\n    sent {request}" });
                }
                else if (!writes && method != "GET" && ErrorCode(body) is { } code && CheckedBeforePermission.Contains(code))
                {
                    failures.Add(new ContractFailure(ContractBreach.CheckedBeforePermission, $"{method} {template} answered {(int)response.StatusCode} {code}, not 403\n    sent {request}"));
                }
            }
        }
        var counts = Enum.GetValues<ContractBreach>().ToDictionary(b => b, b => failures.Count(f => f.Breach == b));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"OpenAPI fuzz on {App.Kind} as {role(system).Email.Split('@')[0]}: {requests} requests over {index} operations; " +
            $"{counts[ContractBreach.ServerError]} × 5xx, {counts[ContractBreach.UndocumentedStatus]} undocumented status codes, " +
            $"{counts[ContractBreach.WrongContentType]} wrong content types, {counts[ContractBreach.SchemaFailure]} schema failures, " +
            $"{counts[ContractBreach.CheckedBeforePermission]} writes checked before permission");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(200).Select(f => $"{f.Breach}: {f.Description}")));
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject o && o["errorCode"] is JsonValue v ? v.ToString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Ids of real items in the system (a goal, a contribution with a check-in, a measure, a resource and what the
    /// lists then show), so that generated requests reach past the 404 of an unknown id.
    /// </summary>
    private async Task<List<string>> KnownIdsAsync(TestSystem system, OpenApiContract contract)
    {
        var convenor = await ApiClient.ForAsync(App, system.Convenor);
        var trustLead = await ApiClient.ForAsync(App, system.TrustLead);
        var councilLead = await ApiClient.ForAsync(App, system.CouncilLead);
        var url = $"/api/v1/systems/{system.Id}";
        var goal = await GoalApi.DraftAsync(convenor, system);
        var contribution = await (await trustLead.PostAsJsonAsync($"{url}/goals/{goal}/contributions", ContributionApi.Terms(system.TrustId), Ct)).JsonAsync();
        await councilLead.PostAsJsonAsync($"{url}/resources", ResourceApi.VoidSpace(system), Ct);
        await trustLead.PostAsJsonAsync($"{url}/measures", new
        {
            name = "Delayed discharges", definition = "People in hospital who no longer need to be", unit = "people", format = "Count", frequency = "Monthly",
            improvement = "Decrease", ownerOrganisationId = system.TrustId,
        }, Ct);
        await convenor.PostAsJsonAsync($"{url}/goals/{goal}/drivers", new { level = "Primary", title = "Timely discharge" }, Ct);
        var ids = new HashSet<string> { system.TrustId.ToString(), system.CouncilId.ToString(), system.PlaceId.ToString(), system.Convenor.Id.ToString(), contribution["id"]!.ToString() };
        foreach (var (_, template, _) in contract.Operations.Where(o => o.Method == "GET" && o.Template.Count(c => c == '{') == 1 && o.Template.Contains("{systemId}")))
        {
            var list = await convenor.GetAsync(template.Replace("{systemId}", system.Id.ToString()), Ct);
            foreach (Match id in Guid().Matches(await list.Content.ReadAsStringAsync(Ct)))
            {
                ids.Add(id.Value);
            }
        }
        ids.Remove(system.Id.ToString());
        return [.. ids.Order()];
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}

/// <summary>One generated request: what it is sent as, and a line that says what was sent.</summary>
internal sealed record FuzzRequest(string Method, string Path, string? IfMatch, string? ContentType, string? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }
        if (Body is not null)
        {
            message.Content = new StringContent(Body, Encoding.UTF8);
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType ?? "application/json");
        }
        return message;
    }

    public override string ToString() => $"{Method} {Path}{(IfMatch is null ? "" : $" If-Match: {IfMatch}")}{(Body is null ? "" : $" {ContentType}: {(Body.Length > 200 ? Body[..200] + "…" : Body)}")}";
}

/// <summary>CsCheck generators of the values the document declares, and of the wrong values a careless client sends.</summary>
internal sealed class FuzzValues(OpenApiContract contract, IReadOnlyList<string> knownIds)
{
    private static readonly string[] Wrong = ["not-a-guid", "-9223372036854775808", "9223372036854775808", "", " ", "null", "2026-02-30", "NotAKind", "1e400", "%00", "é"];

    public Gen<FuzzRequest> Request(string method, string template, JsonObject operation, Guid systemId)
    {
        var parameters = operation["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var path = Gen.Const(value: template.Replace("{systemId}", systemId.ToString()));
        foreach (var p in parameters.Where(p => (string?)p["in"] == "path" && (string?)p["name"] != "systemId"))
        {
            var name = (string)p["name"]!;
            path = path.SelectMany(t => Scalar(p["schema"]).Select(v => t.Replace("{" + name + "}", Uri.EscapeDataString(v ?? "x"))));
        }
        var query = Gen.Const(value: "");
        foreach (var p in parameters.Where(p => (string?)p["in"] == "query"))
        {
            var name = (string)p["name"]!;
            query = query.SelectMany(q => Gen.Frequency((1, Gen.Const<string?>(default(string))), (2, Scalar(p["schema"])))
                .Select(v => v is null ? q : $"{q}{(q.Length == 0 ? "?" : "&")}{name}={Uri.EscapeDataString(v)}"));
        }
        var ifMatch = parameters.Any(p => (string?)p["name"] == "If-Match")
            ? Gen.OneOf<string?>(null, "*", "\"00000000000000000000000000000000\"", "garbage", $"\"{System.Guid.NewGuid():N}\"")
            : Gen.Const<string?>(default(string));
        var content = operation["requestBody"]?["content"]?.AsObject();
        Gen<(string? Type, string? Body)> body = content is null
            ? Gen.Const<(string?, string?)>(default((string?, string?)))
            : content.ContainsKey("application/json")
                ? Gen.Frequency(
                    (6, Value(content["application/json"]!["schema"], 0).Select(v => ((string?)"application/json", (string?)(v?.ToJsonString() ?? "null")))),
                    (1, Gen.OneOf<(string?, string?)>(("application/json", "{"), ("application/json", "[]"), ("application/json", "{\"title\":"), ("text/plain", "hello"))))
                : Gen.OneOf<(string?, string?)>((content.First().Key, "name,value\n\"unclosed,1\n"), (content.First().Key, ""), (content.First().Key, "a,b\n1,2\n"));
        return Gen.Select(path, query, ifMatch, body, (p, q, m, b) => new FuzzRequest(method, p + q, m, b.Type, b.Body));
    }

    /// <summary>A path or query value: mostly one of the declared type, sometimes not.</summary>
    private Gen<string?> Scalar(JsonNode? schema)
    {
        schema = Resolve(schema);
        var declared = Value(schema, 0).Select(v => v is JsonValue value ? value.ToString() : v?.ToJsonString());
        return Gen.Frequency((4, declared), (1, Gen.OneOf(Wrong).Select(w => (string?)w)));
    }

    private Gen<JsonNode?> Value(JsonNode? schema, int depth)
    {
        schema = Resolve(schema);
        if (schema is not JsonObject s)
        {
            return Gen.Const<JsonNode?>(default(JsonNode));
        }
        var wrong = Gen.OneOf<JsonNode?>(Gen.Const<JsonNode?>(default(JsonNode)), Gen.Const<JsonNode?>(new JsonObject { ["x"] = 1 }), Gen.Int.Select(i => (JsonNode?)i),
            Gen.OneOf(Wrong).Select(w => (JsonNode?)w), Gen.Const<JsonNode?>(new JsonArray(1, "a")));
        var alternatives = s["anyOf"] ?? s["oneOf"];
        if (alternatives is JsonArray choices && choices.Count > 0)
        {
            return Gen.Int[0, choices.Count - 1].SelectMany(i => Value(choices[i], depth));
        }
        if (s["allOf"] is JsonArray all && all.Count > 0)
        {
            return Value(all[0], depth);
        }
        Gen<JsonNode?> right;
        if (s["enum"] is JsonArray names)
        {
            right = Gen.Int[0, names.Count - 1].Select(i => names[i]?.DeepClone());
        }
        else
        {
            var types = s["type"] switch
            {
                JsonArray a => a.Select(t => (string)t!).ToArray(),
                JsonValue v => [(string)v!],
                _ => s["properties"] is null ? ["string"] : ["object"],
            };
            var type = types.FirstOrDefault(t => t != "null") ?? "null";
            right = type switch
            {
                "object" when depth < 4 => Object(s, depth),
                "array" when depth < 4 => Gen.Int[0, 3].SelectMany(n => Value(s["items"], depth + 1).Array[n]).Select(a => (JsonNode?)new JsonArray([.. a.Select(e => e?.DeepClone())])),
                "integer" => Gen.Frequency((4, Gen.Int[-3, 400].Select(i => (JsonNode?)i)), (1, Gen.OneOf<JsonNode?>(int.MaxValue, int.MinValue, long.MaxValue))),
                "number" => Gen.Frequency((4, Gen.Double[-10, 1000].Select(d => (JsonNode?)Math.Round(d, 2))), (1, Gen.OneOf<JsonNode?>(-1e300, 1e300, 0))),
                "boolean" => Gen.Bool.Select(b => (JsonNode?)b),
                "string" => String(s),
                _ => Gen.Const<JsonNode?>(default(JsonNode)),
            };
        }
        return Gen.Frequency((6, right), (1, wrong));
    }

    private Gen<JsonNode?> Object(JsonObject schema, int depth)
    {
        var properties = schema["properties"]?.AsObject().Select(p => (p.Key, p.Value)).ToList() ?? [];
        var gen = Gen.Const(value: new List<(string, JsonNode?)>());
        foreach (var (name, property) in properties)
        {
            gen = gen.SelectMany(list => Gen.Frequency((1, Gen.Const(value: false)), (5, Gen.Const(value: true)))
                .SelectMany(present => present
                    ? Value(property, depth + 1).Select(v => new List<(string, JsonNode?)>(list) { (name, v) })
                    : Gen.Const(value: list)));
        }
        return gen.Select(list =>
        {
            var o = new JsonObject();
            foreach (var (name, value) in list)
            {
                o[name] = value?.DeepClone();
            }
            return (JsonNode?)o;
        });
    }

    private Gen<JsonNode?> String(JsonObject schema)
    {
        var today = new DateOnly(2026, 12, 7);
        return ((string?)schema["format"]) switch
        {
            "uuid" => knownIds.Count == 0
                ? Gen.Const<JsonNode?>(System.Guid.Empty.ToString())
                : Gen.Frequency((5, Gen.Int[0, knownIds.Count - 1].Select(i => (JsonNode?)knownIds[i])), (1, Gen.Guid.Select(g => (JsonNode?)g.ToString()))),
            "date" => Gen.Int[-400, 800].Select(d => (JsonNode?)today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "date-time" => Gen.Int[-400, 800].Select(d => (JsonNode?)today.ToDateTime(TimeOnly.MinValue).AddDays(d).ToString("O", CultureInfo.InvariantCulture)),
            _ when schema["pattern"] is JsonValue pattern && pattern.ToString().Contains("None|", StringComparison.Ordinal) =>
                Gen.OneOf<JsonNode?>("None", FirstName(pattern.ToString()), $"{FirstName(pattern.ToString())}, {SecondName(pattern.ToString())}", "Bogus"),
            _ => Gen.Frequency(
                (5, Gen.OneOf<JsonNode?>("Timely discharge", "Fewer falls in Westford", "2026/27", "A", "WTE", "square metres")),
                (1, Gen.String[Gen.Char.AlphaNumeric, 0, 40].Select(v => (JsonNode?)v)),
                (1, Gen.String[0, 20].Select(v => (JsonNode?)v))),
        };
    }

    private static string FirstName(string pattern) => Names(pattern)[0];

    private static string SecondName(string pattern) => Names(pattern)[^1];

    private static string[] Names(string pattern) =>
        pattern[(pattern.IndexOf("(?:", pattern.IndexOf('|', StringComparison.Ordinal), StringComparison.Ordinal) + 3)..].Split(')')[0].Split('|');

    private JsonNode? Resolve(JsonNode? schema) =>
        schema is JsonObject o && o["$ref"] is JsonValue reference ? contract.Definition(reference.ToString()) : schema;
}

public sealed class OpenApiFuzzSqliteTests(SqliteApp app) : OpenApiFuzzTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class OpenApiFuzzPostgresTests(PostgresApp app) : OpenApiFuzzTests(app, DatabaseKind.Postgres);
