namespace Concordat.NhsUk.Rendering;

/// <summary>
/// Checks option values against the set nhsuk-frontend supports. The templates silently ignore unknown values;
/// we fail loudly instead so a typo in a view shows up in development rather than as unstyled markup.
/// </summary>
internal static class OptionValidation
{
    public static string OneOf(string value, string optionName, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"'{value}' is not a valid {optionName}. Use one of: {string.Join(", ", allowed)}.");
        }

        return value;
    }
}
