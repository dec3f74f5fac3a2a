using Concordat.Core.Access;
using Concordat.Core.Strategy;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.Strategy;

/// <summary>One row of the related documents on the form; a row left wholly blank is not a document.</summary>
public sealed class RelatedDocumentRow
{
    public RelatedDocumentKind? Kind { get; set; }
    public string? Title { get; set; }
    public string? Url { get; set; }

    public bool IsBlank => Kind is null && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Url);

    public IEnumerable<SelectListItem> KindOptions() =>
        new[] { new SelectListItem("Select the kind of document", "", Kind is null) }
            .Concat(Enum.GetValues<RelatedDocumentKind>().Select(k => new SelectListItem(k.InWords(), k.ToString(), k == Kind)));
}

/// <summary>The narrative form's fields; names match <see cref="SaveNarrative"/> so that service errors land beside them.</summary>
public sealed class NarrativeForm
{
    /// <summary>Blank rows offered under the documents already linked, for adding more.</summary>
    public const int BlankRows = 2;

    public string? Vision { get; set; }
    public string? Principles { get; set; }
    public string? Context { get; set; }
    public string? EnablingStrategies { get; set; }
    public List<RelatedDocumentRow> Documents { get; set; } = [];

    public static NarrativeForm From(NarrativeView narrative) => new()
    {
        Vision = narrative.Vision, Principles = narrative.Principles, Context = narrative.Context, EnablingStrategies = narrative.EnablingStrategies,
        Documents = [.. narrative.Documents.Select(d => new RelatedDocumentRow { Kind = d.Kind, Title = d.Title, Url = d.Url })],
    };

    /// <summary>Adds the blank rows, so the form always offers room for another document.</summary>
    public NarrativeForm WithBlankRows()
    {
        while (Documents.Count(d => d.IsBlank) < BlankRows)
        {
            Documents.Add(new RelatedDocumentRow());
        }
        return this;
    }

    /// <summary>The input without its blank rows, and each document's row on the form, so errors can be put back beside the right row.</summary>
    public (SaveNarrative Input, IReadOnlyList<int> Rows) ToInput()
    {
        var rows = Documents.Select((d, i) => (d, i)).Where(r => !r.d.IsBlank).ToList();
        return (new SaveNarrative(Vision, Principles, Context, EnablingStrategies, [.. rows.Select(r => new SaveRelatedDocument(r.d.Kind, r.d.Title, r.d.Url))]),
            [.. rows.Select(r => r.i)]);
    }

    /// <summary>The service's errors with each document's index turned back into its row on the form.</summary>
    public static InputInvalidException OnRows(InputInvalidException e, IReadOnlyList<int> rows) =>
        new(e.Errors.ToDictionary(
            error => System.Text.RegularExpressions.Regex.Replace(error.Key, @"^Documents\[(\d+)\]",
                m => $"Documents[{rows[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}]"),
            error => error.Value));
}
