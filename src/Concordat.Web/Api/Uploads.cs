using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

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
}
