using Concordat.Core.Access;

namespace Concordat.Web.Infrastructure;

/// <summary>An RFC 9457 problem with a stable <c>errorCode</c> that clients can rely on.</summary>
public sealed record Problem(int Status, string Title, string Detail, string ErrorCode, IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Problem? For(Exception e) => e switch
    {
        NotFoundException n => new(StatusCodes.Status404NotFound, "Not found", n.Message, "not_found"),
        ForbiddenException f => new(StatusCodes.Status403Forbidden, "Forbidden", f.Message, "forbidden"),
        InputInvalidException i => new(StatusCodes.Status400BadRequest, "The request is not valid", "See errors for what to correct.", "validation_failed", i.Errors),
        EditConflictException c => new(StatusCodes.Status412PreconditionFailed, "Edit conflict", c.Message, "edit_conflict", null,
            new Dictionary<string, object?> { ["currentVersion"] = c.CurrentVersion, ["current"] = c.Current }),
        _ => null,
    };

    public IResult ToResult()
    {
        var extensions = new Dictionary<string, object?>(Extensions ?? new Dictionary<string, object?>()) { ["errorCode"] = ErrorCode };
        return Errors is null
            ? TypedResults.Problem(Detail, statusCode: Status, title: Title, extensions: extensions)
            : TypedResults.ValidationProblem(Errors, Detail, title: Title, extensions: extensions);
    }
}
