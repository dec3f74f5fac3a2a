using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Concordat.Web.Pages.Api;

/// <summary>
/// The API reference, read from the same OpenAPI document that <c>/openapi/v1.json</c> serves: how to sign requests
/// and how the API behaves, then a page for each part of the API with its operations and the schemas they use.
/// </summary>
public sealed class ReferenceModel : PageModel
{
    public const string DocumentPath = "/openapi/v1.json";

    public ApiReference Reference { get; private set; } = null!;

    /// <summary>The part of the API this page shows; none on the reference's first page.</summary>
    public ReferenceTag? Part { get; private set; }

    /// <summary>Where this Concordat answers, for the example request.</summary>
    public string Origin => $"{Request.Scheme}://{Request.Host}";

    /// <summary>The summary's words and code, with no space between them that the page did not write.</summary>
    public static IHtmlContent Summary(IReadOnlyList<SummaryPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.IsCode)
            {
                html.AppendHtml("<code>").Append(part.Text).AppendHtml("</code>");
            }
            else
            {
                html.Append(part.Text);
            }
        }
        return html;
    }

    public async Task<IActionResult> OnGetAsync(string? part, CancellationToken ct)
    {
        var provider = HttpContext.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
        var document = await provider.GetOpenApiDocumentAsync(ct);
        Reference = ApiReference.Read(JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct))!);
        if (part is not null)
        {
            Part = Reference.Tags.SingleOrDefault(t => t.Slug == part);
            if (Part is null)
            {
                return NotFound();
            }
        }
        return Page();
    }
}
