using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Concordat.Web.Pages.Api;

/// <summary>A type as the reference shows it: its words, the schema it names (linked), and whether null is allowed.</summary>
public sealed record TypeDescription(string Text, string? Schema, bool Nullable);

public sealed record ReferenceParameter(string Name, string In, TypeDescription Type, bool Required);

public sealed record ReferenceBody(IReadOnlyList<string> MediaTypes, TypeDescription? Type);

public sealed record ReferenceResponse(string Status, string Description, TypeDescription? Type);

/// <summary>A piece of an operation's summary: words, or a value a client sends, shown as code.</summary>
public sealed record SummaryPart(string Text, bool IsCode);

public sealed record ReferenceOperation(string Method, string Path, string Anchor, IReadOnlyList<SummaryPart> Summary, IReadOnlyList<ReferenceParameter> Parameters,
    ReferenceBody? Body, IReadOnlyList<ReferenceResponse> Responses);

/// <summary>A part of the API (an OpenAPI tag), with the address of its page.</summary>
public sealed record ReferenceTag(string Name, string Slug, IReadOnlyList<ReferenceOperation> Operations);

public sealed record ReferenceField(string Name, TypeDescription Type);

public sealed record ReferenceSchema(string Name, IReadOnlyList<string> Values, IReadOnlyList<ReferenceField> Fields, TypeDescription? Type);

/// <summary>
/// The API's OpenAPI document read into what the reference pages list: operations grouped by their tag, in the
/// document's order, and the schemas they name. Read from the document's JSON, so the pages show exactly what a
/// client generator is given.
/// </summary>
public sealed partial class ApiReference
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private ApiReference(string title, IReadOnlyList<ReferenceTag> tags, IReadOnlyList<ReferenceSchema> schemas)
    {
        Title = title;
        Tags = tags;
        Schemas = schemas;
    }

    public string Title { get; }

    public IReadOnlyList<ReferenceTag> Tags { get; }

    public IReadOnlyList<ReferenceSchema> Schemas { get; }

    public static ApiReference Read(JsonNode document)
    {
        var schemas = (document["components"]?["schemas"]?.AsObject() ?? [])
            .Select(s => ReadSchema(s.Key, s.Value!))
            .ToList();
        var identifiers = schemas.SelectMany(s => s.Values.Prepend(s.Name)).ToHashSet(StringComparer.Ordinal);
        var operations = new List<(string Tag, ReferenceOperation Operation)>();
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation)
                {
                    var tag = operation["tags"]?.AsArray().FirstOrDefault()?.GetValue<string>() ?? "Other";
                    operations.Add((tag, ReadOperation(method.ToUpperInvariant(), path, operation, identifiers)));
                }
            }
        }
        var tagOrder = (document["tags"]?.AsArray() ?? []).Select(t => t!["name"]!.GetValue<string>()).ToList();
        var tags = operations
            .GroupBy(o => o.Tag)
            .OrderBy(g => tagOrder.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(g => new ReferenceTag(g.Key, Slug(g.Key), [.. g.Select(o => o.Operation)]))
            .ToList();
        return new ApiReference(document["info"]?["title"]?.GetValue<string>() ?? "API", tags, schemas);
    }

    /// <summary>The schemas a part's operations send or return, and the schemas those name in turn, in the document's order.</summary>
    public IReadOnlyList<ReferenceSchema> SchemasOf(ReferenceTag tag)
    {
        var byName = Schemas.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(tag.Operations
            .SelectMany(o => o.Parameters.Select(p => p.Type).Append(o.Body?.Type).Concat(o.Responses.Select(r => r.Type)))
            .Select(t => t?.Schema).OfType<string>());
        while (pending.TryDequeue(out var name))
        {
            if (named.Add(name) && byName.TryGetValue(name, out var schema))
            {
                foreach (var field in schema.Fields.Where(f => f.Type.Schema is not null))
                {
                    pending.Enqueue(field.Type.Schema!);
                }
            }
        }
        return [.. Schemas.Where(s => named.Contains(s.Name))];
    }

    private static ReferenceOperation ReadOperation(string method, string path, JsonObject operation, HashSet<string> identifiers)
    {
        var parameters = (operation["parameters"]?.AsArray() ?? [])
            .Select(p => new ReferenceParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), Describe(p["schema"]),
                p["required"]?.GetValue<bool>() ?? false))
            .ToList();
        ReferenceBody? body = operation["requestBody"]?["content"]?.AsObject() is { } content
            ? new ReferenceBody([.. content.Select(c => c.Key)], content.FirstOrDefault().Value?["schema"] is { } schema ? Describe(schema) : null)
            : null;
        var responses = (operation["responses"]?.AsObject() ?? [])
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ReferenceResponse(r.Key, r.Value?["description"]?.GetValue<string>() ?? "",
                r.Value?["content"]?.AsObject().FirstOrDefault().Value?["schema"] is { } schema ? Describe(schema) : null))
            .ToList();
        return new ReferenceOperation(method, path, "op-" + Slug($"{method} {path}"), Summary(operation["summary"]?.GetValue<string>() ?? "", identifiers),
            parameters, body, responses);
    }

    /// <summary>
    /// The summary, with the enum values and schema names it mentions in PascalCase (such as <c>MeasureData</c>) shown
    /// as code: they are spelt as a client sends them. A value that is also an ordinary word, like Change, stays a word.
    /// </summary>
    private static List<SummaryPart> Summary(string summary, HashSet<string> identifiers)
    {
        var parts = new List<SummaryPart>();
        var at = 0;
        foreach (Match word in PascalCaseWord().Matches(summary))
        {
            if (identifiers.Contains(word.Value))
            {
                parts.Add(new SummaryPart(summary[at..word.Index], false));
                parts.Add(new SummaryPart(word.Value, true));
                at = word.Index + word.Length;
            }
        }
        parts.Add(new SummaryPart(summary[at..], false));
        return [.. parts.Where(p => p.Text.Length > 0)];
    }

    private static ReferenceSchema ReadSchema(string name, JsonNode schema)
    {
        // An enum that a nullable property uses lists null among its values; the property's type says "or null".
        var values = (schema["enum"]?.AsArray() ?? []).OfType<JsonNode>().Select(v => v.ToString()).ToList();
        var fields = (schema["properties"]?.AsObject() ?? []).Select(p => new ReferenceField(p.Key, Describe(p.Value))).ToList();
        return new ReferenceSchema(name, values, fields, values.Count == 0 && fields.Count == 0 ? Describe(schema) : null);
    }

    /// <summary>
    /// A schema in the words of JSON: "string (uuid)", "array of" a named schema. Numbers are also accepted as strings
    /// (the document says so with a pattern); the reference gives the type to send.
    /// </summary>
    public static TypeDescription Describe(JsonNode? schema)
    {
        if (schema is null)
        {
            return new TypeDescription("any", null, false);
        }
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return new TypeDescription("", reference[(reference.LastIndexOf('/') + 1)..], false);
        }
        if (schema["oneOf"]?.AsArray() is { } choices)
        {
            var notNull = choices.Where(c => c?["type"]?.ToString() != "null").ToList();
            var nullable = notNull.Count < choices.Count;
            return notNull.Count == 1 ? Describe(notNull[0]) with { Nullable = nullable } : new TypeDescription("any", null, nullable);
        }
        var types = schema["type"] switch
        {
            JsonArray array => array.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue value => [value.GetValue<string>()],
            _ => [],
        };
        var isNullable = types.Remove("null");
        if (types.Contains("array"))
        {
            var items = Describe(schema["items"]);
            return new TypeDescription("array of " + items.Text, items.Schema, isNullable);
        }
        var format = schema["format"]?.GetValue<string>();
        var text = types switch
        {
            _ when types.Contains("integer") => "integer",
            _ when types.Contains("number") => "number",
            _ when types.Contains("boolean") => "boolean",
            _ when types.Contains("object") => "object",
            _ when types.Contains("string") => format is "uuid" or "date" or "date-time" ? $"string ({format})" : "string",
            _ when schema["enum"] is not null => "string",
            _ => "any",
        };
        return new TypeDescription(text, null, isNullable);
    }

    public static string SchemaAnchor(string name) => "schema-" + name;

    private static string Slug(string text) => NotLetterOrDigit().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex PascalCaseWord();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotLetterOrDigit();
}
