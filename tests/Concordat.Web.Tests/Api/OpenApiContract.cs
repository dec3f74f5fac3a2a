using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Concordat.Web.Tests.Api;

public enum ContractBreach
{
    ServerError,
    UndocumentedStatus,
    WrongContentType,
    SchemaFailure,
    CheckedBeforePermission,
}

public sealed record ContractFailure(ContractBreach Breach, string Description);

/// <summary>
/// The app's own OpenAPI document, as a check of any answer the API gives: its status must be one the operation
/// lists, its content type one listed for that status, and its body valid against that content's schema (OpenAPI 3.1
/// schemas are JSON Schema 2020-12, checked with JsonSchema.Net).
/// </summary>
public sealed partial class OpenApiContract
{
    private const string ApiRoot = "/api/v1";
    private readonly JsonObject _paths;
    private readonly JsonObject _definitions;
    private readonly List<(Regex Pattern, int Literals, string Template)> _templates;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public OpenApiContract(string document)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        _paths = root["paths"]!.AsObject();
        _definitions = (JsonNode.Parse(Local(root["components"]?["schemas"]?.ToJsonString() ?? "{}")) as JsonObject)!;
        _templates = [.. _paths.Select(p => (new Regex("^" + Placeholder().Replace(Regex.Escape(p.Key).Replace(@"\{", "{"), "[^/]+") + "$"),
            p.Key.Split('/').Count(s => !s.StartsWith('{')), p.Key))];
    }

    /// <summary>The operations of the document: method, path template and the operation itself.</summary>
    public IEnumerable<(string Method, string Template, JsonObject Operation)> Operations =>
        _paths.SelectMany(p => p.Value!.AsObject().Select(m => (m.Key.ToUpperInvariant(), p.Key, m.Value!.AsObject())));

    public JsonObject? Definition(string reference) => _definitions[reference.Split('/')[^1]] as JsonObject;

    /// <summary>What is wrong with an answer to <paramref name="method"/> <paramref name="path"/>, or null when it keeps to the document.</summary>
    public ContractFailure? Check(string method, string path, HttpStatusCode status, string? mediaType, string body)
    {
        var code = (int)status;
        var described = $"{method} {path} answered {code}";
        if (code >= 500)
        {
            return new(ContractBreach.ServerError, $"{described}: {Shorten(body)}");
        }
        // Routing takes a trailing slash as the same address ("…/organisations/" is the list), as a client may too.
        path = path.Length > 1 ? path.TrimEnd('/') : path;
        var template = _templates.Where(t => t.Pattern.IsMatch(path)).OrderByDescending(t => t.Literals).Select(t => t.Template).FirstOrDefault();
        if (template is null || _paths[template]![method.ToLowerInvariant()] is not JsonObject operation)
        {
            // Not an operation of the document: routing answers 404 or 405 for it.
            return code is 404 or 405 ? null : new(ContractBreach.UndocumentedStatus, $"{described}, but the document has no such operation");
        }
        if (operation["responses"]?[code.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            return new(ContractBreach.UndocumentedStatus, $"{described}, which {method} {template} does not document: {Shorten(body)}");
        }
        if (response["content"] is not JsonObject content || content.Count == 0)
        {
            return body.Length == 0 ? null : new(ContractBreach.WrongContentType, $"{described} with a {mediaType} body, but the document says it has none");
        }
        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return body.Length == 0 && code is 201 or 204
                ? null
                : new(ContractBreach.WrongContentType, $"{described} as {mediaType ?? "nothing"}, not {string.Join(" or ", content.Select(c => c.Key))}");
        }
        if (media["schema"] is not JsonNode schema || !mediaType.Contains("json", StringComparison.Ordinal))
        {
            return null;
        }
        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return new(ContractBreach.SchemaFailure, $"{described} with a body that is not JSON: {Shorten(body)}");
        }
        var key = $"{method} {template} {code} {mediaType}";
        var compiled = _schemas.GetOrAdd(key, _ => Compile(schema, key));
        var result = compiled.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return null;
        }
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct().Take(5);
        return new(ContractBreach.SchemaFailure, $"{described} with a body the schema refuses ({string.Join("; ", errors)}): {Shorten(body)}");
    }

    /// <summary>The schema with every component beside it, so its references resolve within it.</summary>
    private JsonSchema Compile(JsonNode schema, string key)
    {
        var text = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(JsonNode.Parse(Local(schema.ToJsonString()))),
        }.ToJsonString();
        var address = new Uri($"https://contract.concordat.test/{Uri.EscapeDataString(key)}");
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, address);
    }

    private static string Local(string json) => json.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;

    public static bool IsApi(string path) => path.StartsWith(ApiRoot + "/", StringComparison.Ordinal) || path == ApiRoot;

    [GeneratedRegex(@"\\?\{[^}]+\}")]
    private static partial Regex Placeholder();
}

/// <summary>
/// Checks every answer the API gives a test client against the document, and fails the request that breaks it: so
/// every API test is also a test that the document tells the truth.
/// </summary>
public sealed class OpenApiContractCheck : DelegatingHandler
{
    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static OpenApiContract? _contract;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!OpenApiContract.IsApi(path))
        {
            return response;
        }
        var contract = await ContractAsync(request.RequestUri, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (contract.Check(request.Method.Method, path, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body) is { } failure)
        {
            throw new OpenApiContractException(failure);
        }
        return response;
    }

    /// <summary>The document, read once: it is the same for every app the tests start.</summary>
    private async Task<OpenApiContract> ContractAsync(Uri any, CancellationToken ct)
    {
        if (_contract is { } loaded)
        {
            return loaded;
        }
        await Loading.WaitAsync(ct);
        try
        {
            if (_contract is null)
            {
                using var response = await base.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(any, "/openapi/v1.json")), ct);
                _contract = new OpenApiContract(await response.Content.ReadAsStringAsync(ct));
            }
            return _contract;
        }
        finally
        {
            Loading.Release();
        }
    }
}

public sealed class OpenApiContractException(ContractFailure failure) : Exception($"The API broke its OpenAPI document ({failure.Breach}): {failure.Description}")
{
    public ContractFailure Failure { get; } = failure;
}
