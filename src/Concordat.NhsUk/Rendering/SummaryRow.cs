using Microsoft.AspNetCore.Html;

namespace Concordat.NhsUk.Rendering;

/// <summary>
/// A summary list row collected from a child tag helper. The parent renders the rows because a row's
/// classes depend on its siblings (rows without an action get <c>--no-actions</c> when any row has one).
/// </summary>
internal sealed record SummaryRow(string Key, IHtmlContent Value, SummaryRowAction? Action, bool Border);

internal sealed record SummaryRowAction(string Href, string Text, string? VisuallyHiddenText);
