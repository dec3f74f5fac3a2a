using Concordat.Core.Access;
using Concordat.Core.National;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Concordat.Web.Pages.National;

/// <summary>An administrator's list of the national bodies systems can address, and the form that adds one.</summary>
public sealed class NationalBodiesModel(NationalBodyService bodies, AccountService accounts) : PageModel
{
    public sealed class BodyForm
    {
        public string? Name { get; set; }
        public NationalBodyKind? Kind { get; set; }
    }

    [BindProperty]
    public BodyForm Input { get; set; } = new();

    public IReadOnlyList<NationalBodySummary> Bodies { get; private set; } = [];

    public IEnumerable<SelectListItem> KindOptions => KindOptionsFor(Input.Kind);

    public static IEnumerable<SelectListItem> KindOptionsFor(NationalBodyKind? selected) =>
        [new("Select a kind", "", selected is null), .. Enum.GetValues<NationalBodyKind>().Select(k => new SelectListItem(k.InWords(), k.ToString(), k == selected))];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await this.AdministratorAsync(accounts, "look after national bodies", ct);
        Bodies = await bodies.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await this.AdministratorAsync(accounts, "look after national bodies", ct);
        Bodies = await bodies.ListAsync(ct);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.Kind", "Select the kind of national body");
            return this.InvalidInput();
        }
        try
        {
            var body = await bodies.CreateAsync(new SaveNationalBody(Input.Name, Input.Kind), actor, ct);
            this.Succeeded($"{body.Name} added");
            return Redirect($"/national-bodies/{body.Id}");
        }
        catch (InputInvalidException e)
        {
            return this.InvalidInput(e);
        }
    }
}
