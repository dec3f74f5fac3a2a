namespace Concordat.NhsUk.Tests.Support;

/// <summary>
/// The model the fixture tests bind to. Fixture field names ("example", "contact-by-phone") are not C# names,
/// so tests bind <c>for</c> to these properties and set the fixture's name with the <c>name</c> override.
/// </summary>
public sealed class FixtureForm
{
    public string? Value { get; set; }

    public List<string>? Values { get; set; }

    public DateOnly? Date { get; set; }
}
