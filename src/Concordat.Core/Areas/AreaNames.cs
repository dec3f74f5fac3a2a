namespace Concordat.Core.Areas;

/// <summary>The names of the areas some codes name, to show "Cambridgeshire (E10000003)" rather than the bare code.</summary>
public sealed class AreaNames(IReadOnlyDictionary<string, string> names)
{
    public static readonly AreaNames None = new(new Dictionary<string, string>());

    public string? NameOf(string? code) => code is not null && names.TryGetValue(code, out var name) ? name : null;

    /// <summary>"Cambridgeshire (E10000003)", or the code alone when the area is not in the list; null for no code.</summary>
    public string? Describe(string? code) => code is null ? null : Area.Describe(code, NameOf(code));
}
