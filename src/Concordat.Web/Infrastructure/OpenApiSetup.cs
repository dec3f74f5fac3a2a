using System.Text.RegularExpressions;
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
                return Task.CompletedTask;
            });
        });

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
