using Concordat.Core.Access;
using Concordat.Core.Measures.Import;
using Concordat.Core.Partnerships;
using Concordat.Core.Resources;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Resources;

public sealed class ImportModel(ResourceRegisterImport import, OrganisationService organisations) : SystemPageModel
{
    [BindProperty]
    public Guid? OrganisationId { get; set; }

    [BindProperty]
    public IFormFile? RegisterFile { get; set; }

    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        OrganisationId = Actor.PrimaryMembership?.OrganisationId;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        if (OrganisationId is not { } organisationId)
        {
            ModelState.AddModelError(nameof(OrganisationId), "Select the organisation whose register this is");
        }
        if (RegisterFile is null)
        {
            ModelState.AddModelError(nameof(RegisterFile), "Select a CSV file");
        }
        else if (RegisterFile.Length == 0)
        {
            ModelState.AddModelError(nameof(RegisterFile), "The selected file is empty");
        }
        else if (RegisterFile.Length > ResourceRegisterImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(RegisterFile), "The file is too big: files can be at most 10 MB");
        }
        if (ModelState.ErrorCount > 0)
        {
            return this.InvalidInput();
        }
        try
        {
            await using var stream = RegisterFile!.OpenReadStream();
            var result = await import.ImportAsync(OrganisationId!.Value, stream, Actor, dryRun: false, ct);
            if (!result.Succeeded)
            {
                // Every problem goes in the error summary at the top of the page, each linking to the file field.
                ModelState.AddModelError(nameof(RegisterFile), $"The file has {Prose.Count(result.Problems.Count, "problem")}. Nothing has been imported: correct the file and upload it again.");
                foreach (var problem in result.Problems)
                {
                    ModelState.AddModelError(nameof(RegisterFile), problem.ToString());
                }
                return this.InvalidInput();
            }
            this.Succeeded($"{Prose.Count(result.Imported, "resource")} added to the register");
            return Redirect($"{SystemHome}/resources?organisationId={OrganisationId}");
        }
        catch (ImportFileException e)
        {
            ModelState.AddModelError(nameof(RegisterFile), e.Message);
            return this.InvalidInput();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organisations = [.. (await organisations.ListAsync(ct)).Where(o => Actor.ActsFor(o.Id, Concordat.Core.Partnerships.DelegatedCapability.Resources))];
        if (Organisations.Count == 0)
        {
            throw new ForbiddenException("Only an organisation's leads and contributors, or a convenor, can import its resources.");
        }
    }
}
