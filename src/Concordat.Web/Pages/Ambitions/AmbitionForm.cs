using Concordat.Core.Goals;

namespace Concordat.Web.Pages.Ambitions;

/// <summary>The fields of the add and change forms; names match <see cref="SaveAmbition"/> so errors land beside them.</summary>
public sealed class AmbitionForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    public SaveAmbition ToInput() => new(Title, Description);
}
