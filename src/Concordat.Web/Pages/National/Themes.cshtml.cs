using System.Globalization;
using Concordat.Core.Access;
using Concordat.Core.Asks;
using Concordat.Core.National;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concordat.Web.Pages.National;

/// <summary>
/// A national body's themes: the changes several systems ask of it, each linking their own asks, with the systems
/// behind each and whether a national response is due. A partner starts a theme here and links asks on its page.
/// </summary>
public sealed class NationalThemesModel(NationalBodyService bodies, ThemeService themes) : PageModel
{
    public sealed class ThemeForm
    {
        public string? Title { get; set; }
        public string? Description { get; set; }

        /// <summary>Read as typed: a number the page cannot read is judged by the service, not quietly taken as the default.</summary>
        public string? ResponseDueAtSystems { get; set; } = NationalTheme.DefaultResponseDueAtSystems.ToString(CultureInfo.InvariantCulture);
    }

    [BindProperty]
    public ThemeForm Input { get; set; } = new();

    public NationalPartnerView Me { get; private set; } = null!;
    public IReadOnlyList<ThemeSummary> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var partner = await PartnerAsync(ct);
        ModelState.Clear();
        var due = string.IsNullOrWhiteSpace(Input.ResponseDueAtSystems)
            ? (int?)null
            : int.TryParse(Input.ResponseDueAtSystems.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        try
        {
            var theme = await themes.CreateAsync(partner, new SaveTheme(Input.Title, Input.Description, due), ct);
            this.Succeeded("Theme started: link the asks behind it");
            return Redirect($"/national/themes/{theme.Id}");
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(ct);
            return this.InvalidInput(e);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await PartnerAsync(ct);
        Themes = await themes.ListAsync(Me, ct);
    }

    private async Task<NationalPartnerView> PartnerAsync(CancellationToken ct) =>
        await bodies.PartnerOfAsync(User.PersonId(), ct) ?? throw new NotFoundException("You are not a national partner.");
}
