using Concordat.Core.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Concordat.Web.Api;

/// <summary>ETag and If-Match for the API's edits: the ETag is the row's concurrency token.</summary>
public static class ETags
{
    public static string For(Guid version) => $"\"{version:N}\"";

    /// <summary>
    /// Marks an edit that reads If-Match, so the OpenAPI document declares the header and the 412 and 428 answers.
    /// </summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(IfMatchMetadata.Instance)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static Guid? Parse(string? header)
    {
        var value = header?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value == "*")
        {
            return Versions.Any;
        }
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }
        return Guid.TryParse(value.Trim('"'), out var version) ? version : Guid.Empty;
    }
}

/// <summary>Endpoint metadata: this edit reads If-Match (see <see cref="ETags.RequiresIfMatch"/>).</summary>
public sealed class IfMatchMetadata
{
    public static readonly IfMatchMetadata Instance = new();

    private IfMatchMetadata()
    {
    }
}
