using Microsoft.OpenApi;

namespace Concordat.Web.Infrastructure;

public static class OpenApiSetup
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
                    Description = "Personal access tokens (create one on your account page) go in 'Authorization: Bearer <token>'. " +
                                  "Every system-scoped route is under /api/v1/systems/{systemId}. Errors are RFC 9457 problem details with an errorCode.",
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
        });
}
