using System.Text.Json;
using System.Text.RegularExpressions;
using Concordat.Core.Access;

namespace Concordat.Web.Infrastructure;

/// <summary>An RFC 9457 problem with a stable <c>errorCode</c> that clients can rely on.</summary>
public sealed partial record Problem(int Status, string Title, string Detail, string ErrorCode, IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Problem? For(Exception e) => e switch
    {
        NotFoundException n => new(StatusCodes.Status404NotFound, "Not found", n.Message, "not_found"),
        ForbiddenException f => new(StatusCodes.Status403Forbidden, "Forbidden", f.Message, "forbidden"),
        InputInvalidException i => new(StatusCodes.Status400BadRequest, "The request is not valid", "See errors for what to correct.", "validation_failed", i.Errors),
        EditConflictException c => new(StatusCodes.Status412PreconditionFailed, "Edit conflict", c.Message, "edit_conflict", null,
            new Dictionary<string, object?> { ["currentVersion"] = c.CurrentVersion, ["current"] = c.Current }),
        IfMatchRequiredException m => new(StatusCodes.Status428PreconditionRequired, "If-Match required", m.Message, "if_match_required"),
        BadHttpRequestException b => BadRequest(b),
        JsonException j => Unreadable(j),
        _ => null,
    };

    /// <summary>
    /// A request the API could not bind: a body that is not JSON or has a value of the wrong type, or a route or query
    /// value that is not of its parameter's type. Named by the field the client sent, so that it can be corrected.
    /// </summary>
    private static Problem BadRequest(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            return Unreadable(json);
        }
        var field = ParameterName().Match(e.Message) is { Success: true } m ? m.Groups["name"].Value : "request";
        var reason = e.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON, with the Content-Type application/json.",
            StatusCodes.Status413PayloadTooLarge => "The body is too large.",
            _ when e.Message.StartsWith("Required parameter", StringComparison.Ordinal) || e.Message.StartsWith("Implicit body", StringComparison.Ordinal)
                => $"{field} is required.",
            _ => $"{field} is not a valid value of its type.",
        };
        return new(e.StatusCode, "The request is not valid", "See errors for what to correct.", "bad_request",
            new Dictionary<string, string[]> { [field] = [reason] });
    }

    private static Problem Unreadable(JsonException e)
    {
        // The path is JSONPath from the body's root ("$.placeIds[0]"); the root itself means the body as a whole.
        var field = e.Path is null or "$" ? "body" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path.TrimStart('$');
        var reason = field == "body" ? "The body is not a JSON object of the expected shape." : $"{field} is not a valid value of its type.";
        return new(StatusCodes.Status400BadRequest, "The request is not valid", "See errors for what to correct.", "bad_request",
            new Dictionary<string, string[]> { [field] = [reason] });
    }

    /// <summary>The parameter named in ASP.NET Core's binding messages, such as <c>Failed to bind parameter "Guid? placeId" from "x".</c></summary>
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    public IResult ToResult()
    {
        var extensions = new Dictionary<string, object?>(Extensions ?? new Dictionary<string, object?>()) { ["errorCode"] = ErrorCode };
        return Errors is null
            ? TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: extensions)
            : TypedResults.ValidationProblem(Errors, Detail, title: Title, extensions: extensions);
    }
}
