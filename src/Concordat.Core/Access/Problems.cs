namespace Concordat.Core.Access;

/// <summary>The item does not exist in the current system (or the caller may not know that it does).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller belongs to the system but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// The input breaks one or more rules. Keys are the input's field names (as in the input record), so pages can
/// show each message beside its field and the API can return them as problem details.
/// </summary>
public sealed class InputInvalidException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The input is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public InputInvalidException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }
}

/// <summary>
/// The version an edit is made against. <see cref="Any"/> is what <c>If-Match: *</c> asks for: whatever version is
/// current (RFC 9110), still checked against a change saved between this read and the write.
/// </summary>
public static class Versions
{
    public static readonly Guid Any = Guid.AllBitsSet;

    /// <summary>
    /// Whether an edit made against <paramref name="expected"/> may overwrite <paramref name="stored"/>. Asked only once the
    /// actor is known to be allowed the edit, so that no one learns more about an item than that they may not change it.
    /// </summary>
    /// <exception cref="IfMatchRequiredException">No version was sent, so the edit could overwrite a change unseen.</exception>
    public static bool Matches(this Guid stored, Guid? expected, string item) =>
        expected is null ? throw new IfMatchRequiredException(item) : expected == Any || stored == expected;
}

/// <summary>An edit of something that exists came without the version it was made against (an API call without If-Match).</summary>
public sealed class IfMatchRequiredException(string item)
    : Exception($"Send the {item}'s ETag in an If-Match header, so that a change made since you read it is not overwritten.");

/// <summary>
/// Someone else saved the item after the caller loaded it. Carries what is stored now, so the caller can show
/// both versions instead of overwriting.
/// </summary>
public sealed class EditConflictException(string itemName, Guid currentVersion, IReadOnlyDictionary<string, string?> current)
    : Exception($"{itemName} was changed by someone else while you were editing it.")
{
    public Guid CurrentVersion { get; } = currentVersion;
    public IReadOnlyDictionary<string, string?> Current { get; } = current;
}

/// <summary>Collects field errors so that every problem in an input is reported at once.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public bool Any => _errors.Count > 0;

    /// <summary>Each field's messages, for a caller that reports them rather than throws (like an import's list of problems).</summary>
    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Required free text: trimmed; <paramref name="missing"/> when blank, and an error (not a silent cut) when too long.</summary>
    public string RequiredText(string field, string label, string? value, int maxLength, string missing)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(field, missing);
        }
        else if (text.Length > maxLength)
        {
            Add(field, $"{label} must be {maxLength} characters or fewer");
        }
        return text;
    }

    /// <summary>Optional free text: trimmed, null when blank, and an error (not a silent cut) when too long.</summary>
    public string? OptionalText(string field, string label, string? value, int maxLength)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > maxLength)
        {
            Add(field, $"{label} must be {maxLength} characters or fewer");
        }
        return text;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputInvalidException(Errors);
        }
    }
}
