namespace Concordat.Web.Pages;

/// <summary>What someone else saved while this person was editing, shown above the form they can save again.</summary>
public sealed record EditConflictView(IReadOnlyDictionary<string, string?> Saved);
