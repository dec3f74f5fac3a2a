namespace Concordat.NhsUk.Tests.Support;

/// <summary>A page model shaped like a Razor Page with a bound <c>Input</c> property.</summary>
public sealed class RegistrationPage
{
    public RegistrationInput Input { get; set; } = new();
}

public sealed class RegistrationInput
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? Organisation { get; set; }

    public string? Notes { get; set; }

    public string? Region { get; set; }

    public string? Answer { get; set; }

    public List<string> Contact { get; set; } = [];

    public List<string> Phones { get; set; } = [];

    public bool AcceptsTerms { get; set; }

    [System.ComponentModel.DataAnnotations.Display(Name = "Start date")]
    public DateOnly? StartsOn { get; set; }
}
