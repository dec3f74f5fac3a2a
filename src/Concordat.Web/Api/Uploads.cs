using Concordat.Core.Measures.Import;
using Concordat.Core.Words;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

/// <summary>One problem in an imported file: its row, its column and what is wrong.</summary>
public sealed record ImportProblemResponse(int Row, string Column, string Reason);

/// <summary>Reading an uploaded file sent as the request body, within the upload limit.</summary>
internal static class Uploads
{
    /// <summary>The body, or null when it is larger than the limit; never reads more than the limit and one buffer.</summary>
    public static async Task<MemoryStream?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > maxBytes)
            {
                return null;
            }
        }
        body.Position = 0;
        return body;
    }

    public static IResult TooLarge(string limit) =>
        new Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"Files can be at most {limit}.", "import_too_large").ToResult();

    /// <summary>400 when any row is wrong: nothing is imported, and the problems are listed with their row and column.</summary>
    public static IResult RowsInvalid(int problemCount, IEnumerable<ImportProblem> problems) =>
        new Problem(StatusCodes.Status400BadRequest, "Nothing was imported", $"{Prose.Count(problemCount, "problem")} {(problemCount == 1 ? "was" : "were")} found; correct {(problemCount == 1 ? "it" : "them all")} and send the file again.",
            "import_rows_invalid", null, new Dictionary<string, object?>
            {
                ["problemCount"] = problemCount,
                ["problems"] = problems.Select(p => new ImportProblemResponse(p.Row, p.Column, p.Reason)).ToList(),
            }).ToResult();
}
