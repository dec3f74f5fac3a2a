using Microsoft.AspNetCore.Html;

namespace Concordat.NhsUk.Rendering;

/// <summary>A breadcrumb item collected from a child tag helper, rendered by the parent.</summary>
internal sealed record BreadcrumbItem(string Href, IHtmlContent Content);
