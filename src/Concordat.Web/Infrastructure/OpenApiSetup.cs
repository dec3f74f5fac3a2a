using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Concordat.Web.Api;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;

namespace Concordat.Web.Infrastructure;

public static partial class OpenApiSetup
{
    public static void AddConcordatOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Concordat API",
                    Version = "v1",
                    Description = "Create a personal access token on your account page, then send it in the Authorization header of every request, " +
                                  "for example `Authorization: Bearer cc_your_token`. Every system-scoped route is under /api/v1/systems/{systemId}. " +
                                  "Creating something answers 201 Created with the created item and its address in the Location header. " +
                                  "Errors are RFC 9457 problem details with an errorCode.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A Concordat personal access token.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                DeclarePathParameters(operation, context.Description.RelativePath ?? "");
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IfMatchMetadata>().Any())
                {
                    DeclareIfMatch(operation);
                }
                DeclareStandardAnswers(operation, context.Description);
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type.IsEnum && type.IsDefined(typeof(FlagsAttribute), false))
                {
                    DescribeFlags(schema, type);
                }
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((document, _, _) =>
            {
                foreach (var schema in document.Components?.Schemas?.Values.ToList() ?? [])
                {
                    NullAsAnyOf(schema);
                }
                foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.ToList() ?? []))
                {
                    foreach (var content in (operation.Responses?.Values.ToList() ?? []).SelectMany(r => r.Content?.Values.ToList() ?? []))
                    {
                        NullAsAnyOf(content.Schema);
                    }
                    foreach (var content in operation.RequestBody?.Content?.Values.ToList() ?? [])
                    {
                        NullAsAnyOf(content.Schema);
                    }
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The answers every operation can give besides its own, each an RFC 9457 problem: 400 when a query value or the
    /// body cannot be read or a write is refused as invalid, 403 when the caller's role does not allow it, 404 when the system or an item in the path is
    /// not there (or not the caller's), 412 when a write loses to a change made since, 415 when a body is not of its type.
    /// </summary>
    private static void DeclareStandardAnswers(OpenApiOperation operation, ApiDescription description)
    {
        operation.Responses ??= [];
        if (operation.Responses.GetValueOrDefault("401") is not OpenApiResponse unauthorised)
        {
            return;
        }
        var route = description.RelativePath ?? "";
        var inSystem = route.Contains("{systemId", StringComparison.Ordinal);
        var hasBody = operation.RequestBody is not null;
        var reads = HttpMethods.IsGet(description.HttpMethod ?? "");
        void Declare(int status, string why)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new OpenApiResponse { Description = why, Content = unauthorised.Content });
        }
        if (hasBody || !reads || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query))
        {
            Declare(StatusCodes.Status400BadRequest, "The request is not valid: errors names each field to correct");
        }
        if (inSystem)
        {
            Declare(StatusCodes.Status403Forbidden, "Your role does not allow this");
            Declare(StatusCodes.Status404NotFound, "There is no such system, or you are not a member of it, or no such item in it");
        }
        if (inSystem && !reads)
        {
            Declare(StatusCodes.Status412PreconditionFailed, "Someone else changed what this acts on since you read it");
        }
        if (hasBody)
        {
            Declare(StatusCodes.Status415UnsupportedMediaType, "The body is not of a type this operation takes");
        }
    }

    private static void DeclareIfMatch(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match",
            In = ParameterLocation.Header,
            Description = "The ETag read (with GET) of what this changes; * for whatever is current",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    /// <summary>A flags enum is sent as its names joined by ", " (as JsonStringEnumConverter writes it), or its zero name.</summary>
    private static void DescribeFlags(OpenApiSchema schema, Type type)
    {
        var names = Enum.GetValues(type).Cast<Enum>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => v.ToString()).ToList();
        var zero = Enum.GetName(type, Activator.CreateInstance(type)!)!;
        var one = $"(?:{string.Join('|', names)})";
        schema.Type = Nullable.GetUnderlyingType(type) is null && schema.Type?.HasFlag(JsonSchemaType.Null) == true
            ? JsonSchemaType.String | JsonSchemaType.Null
            : JsonSchemaType.String;
        schema.Enum = null;
        schema.Pattern = $"^(?:{zero}|{one}(?:, {one})*)$";
        schema.Description = $"{zero}, or one or more of {string.Join(", ", names)} joined by \", \"";
    }

    /// <summary>
    /// A nullable enum's schema lists null among its values, so <c>oneOf [null, enum]</c> matches a null twice and
    /// fails; anyOf says what is meant.
    /// </summary>
    private static void NullAsAnyOf(IOpenApiSchema? schema)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }
        if (concrete.OneOf is { Count: > 0 } alternatives && alternatives.Any(a => a is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            concrete.AnyOf = alternatives;
            concrete.OneOf = null;
        }
        foreach (var child in (concrete.Properties?.Values.ToList() ?? []).Concat(concrete.AnyOf ?? []).Append(concrete.Items))
        {
            NullAsAnyOf(child);
        }
    }

    /// <summary>
    /// Declares the route values a handler does not bind (the group's <c>{systemId}</c>, mostly): OpenAPI requires
    /// every placeholder in a path to be declared, and a client generator needs them to build the address.
    /// </summary>
    private static void DeclarePathParameters(OpenApiOperation operation, string route)
    {
        var declared = operation.Parameters?.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet() ?? [];
        var missing = RouteValue().Matches(route).Where(m => !declared.Contains(m.Groups["name"].Value)).ToList();
        operation.Parameters ??= [];
        for (var i = missing.Count - 1; i >= 0; i--)
        {
            var schema = missing[i].Groups["constraint"].Value == "int"
                ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }
                : new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
            operation.Parameters.Insert(0, new OpenApiParameter { Name = missing[i].Groups["name"].Value, In = ParameterLocation.Path, Required = true, Schema = schema });
        }
    }

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<constraint>\w+))?\}")]
    private static partial Regex RouteValue();
}
