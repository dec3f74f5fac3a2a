using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.NhsUk.Rendering;

/// <summary>
/// Turns a field name into the id its control gets. Form components and the error summary both use this,
/// so the summary's <c>href="#id"</c> links land on the control.
/// </summary>
internal static class FieldIds
{
    // MVC's default HtmlHelperOptions.IdAttributeDotReplacement; "Input.Name" becomes "Input_Name" as with asp-for.
    private const string InvalidCharReplacement = "_";

    public static string FromName(string name) =>
        TagBuilder.CreateSanitizedId(name, InvalidCharReplacement) ?? string.Empty;
}
