using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Microsoft.AspNetCore.Mvc;
using Concordat.Core.Words;

namespace Concordat.Web.Pages.Measures;

/// <summary>
/// Upload a CSV or XLSX file of a measure's data: every row is checked first, problems are listed with their row and
/// column, and a valid file is previewed (added, changed, unchanged) before the person confirms the import.
/// </summary>
public sealed class UploadModel(MeasureService measures, ObservationImporter importer) : SystemPageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public IFormFile? DataFile { get; set; }

    [BindProperty]
    public string? Indicator { get; set; }

    [BindProperty]
    public string? Area { get; set; }

    /// <summary>The preview's counts, sent back with the confirmation so a change in between is noticed.</summary>
    [BindProperty]
    public Guid? UploadId { get; set; }

    [BindProperty]
    public string? Expected { get; set; }

    public Measure Measure { get; private set; } = null!;
    public ImportPlan? Plan { get; private set; }
    public bool ChangedSincePreview { get; private set; }
    public ImportLimits Limits => ImportLimits.Upload;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.Clear();
        // A browser sends no file at all when none was chosen, and a file of no bytes when the chosen one is empty.
        if (DataFile is null)
        {
            ModelState.AddModelError(nameof(DataFile), "Select a CSV or XLSX file");
            return this.InvalidInput();
        }
        if (DataFile.Length == 0)
        {
            ModelState.AddModelError(nameof(DataFile), "The selected file is empty");
            return this.InvalidInput();
        }
        if (DataFile.Length > Limits.MaxBytes)
        {
            ModelState.AddModelError(nameof(DataFile), $"The file is {Prose.Number(Math.Round(DataFile.Length / 1024.0 / 1024.0, 1))} MB. Files can be at most {Limits.Describe()}.");
            return this.InvalidInput();
        }
        try
        {
            await using var stream = DataFile.OpenReadStream();
            Plan = await importer.PlanAsync(stream, Path.GetFileName(DataFile.FileName), Id, new FileChoice(Blank(Indicator), Blank(Area)), Limits, Actor, ct);
        }
        catch (ImportFileException e)
        {
            ModelState.AddModelError(nameof(DataFile), e.Message);
            return this.InvalidInput();
        }
        if (!Plan.IsValid)
        {
            // Every problem goes in the error summary at the top of the page, each linking to the file field.
            ModelState.AddModelError(nameof(DataFile), $"The file has {Prose.Count(Plan.ProblemCount, "problem")}. Nothing has been imported: correct the file and upload it again.");
            foreach (var problem in Plan.Problems.OrderBy(p => p.Row))
            {
                ModelState.AddModelError(nameof(DataFile), problem.ToString());
            }
            if (Plan.ProblemCount > Plan.Problems.Count)
            {
                ModelState.AddModelError(nameof(DataFile), $"And {Prose.Count(Plan.ProblemCount - Plan.Problems.Count, "more problem")}, not listed here.");
            }
            return this.InvalidInput();
        }
        UploadId = await importer.StageAsync(Plan, Id, Actor, ct);
        Expected = Fingerprint(Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (UploadId is not { } uploadId)
        {
            return Redirect($"{SystemHome}/measures/{Id}/upload");
        }
        Plan = await importer.PlanStagedAsync(uploadId, Id, Actor, ct);
        if (!Plan.IsValid || Fingerprint(Plan) != Expected)
        {
            // Someone changed the data after the preview: show what the import would do now and ask again.
            ChangedSincePreview = true;
            Expected = Fingerprint(Plan);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        try
        {
            var result = await importer.ApplyAsync(Plan, Actor, null, ct);
            await importer.DiscardStagedAsync(uploadId, Actor, ct);
            this.Succeeded($"Imported {Plan.FileName}: {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged");
            return Redirect($"{SystemHome}/measures/{Id}");
        }
        catch (EditConflictException)
        {
            Plan = await importer.PlanStagedAsync(uploadId, Id, Actor, ct);
            ChangedSincePreview = true;
            Expected = Fingerprint(Plan);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (UploadId is { } uploadId)
        {
            await importer.DiscardStagedAsync(uploadId, Actor, ct);
        }
        return Redirect($"{SystemHome}/measures/{Id}");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Fingerprint(ImportPlan plan) => $"{plan.Added}-{plan.Changed}-{plan.Unchanged}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Measure = (await measures.GetAsync(Id, ct)).Measure;
        Measure.RequireDataContributor(Actor, Measure.OwnerOrganisationId, "import it");
    }
}
