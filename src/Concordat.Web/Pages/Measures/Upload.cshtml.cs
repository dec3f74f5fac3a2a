using Concordat.Core.Access;
using Concordat.Core.Measures;
using Concordat.Core.Measures.Import;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>What only the uploaded file knew (its layout, the rows left out for having no value), carried to the check page once.</summary>
    public string? LayoutInWords { get; private set; }
    public string? LeftOutInWords { get; private set; }
    public bool ChangedSincePreview { get; private set; }
    public ImportLimits Limits => ImportLimits.Upload;

    /// <summary>The upload form or, with <paramref name="upload"/>, the check of a file already read and kept for confirmation.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? upload, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (upload is not { } uploadId)
        {
            return Page();
        }
        Plan = await importer.PlanStagedAsync(uploadId, Id, Actor, ct);
        if (!Plan.IsValid)
        {
            // The measure's rules changed since the file was checked; it has to be read again against them.
            await importer.DiscardStagedAsync(uploadId, Actor, ct);
            return Redirect($"{SystemHome}/measures/{Id}/upload");
        }
        UploadId = uploadId;
        Expected = Fingerprint(Plan);
        LayoutInWords = TempData["UploadLayout"] as string;
        LeftOutInWords = TempData["UploadLeftOut"] as string;
        return Page();
    }

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
        var uploadId = await importer.StageAsync(Plan, Id, Actor, ct);
        // Post/redirect/get: the check page is a GET of the file kept for confirmation.
        TempData["UploadLayout"] = Prose.Clause(Plan.File.Layout.InWords());
        if (Plan.File.LeftOut.Count > 0)
        {
            TempData["UploadLeftOut"] = $"{Prose.Number(Plan.File.LeftOut.Count)} ({string.Join("; ", Plan.File.LeftOut.Take(5).Select(l => $"row {l.Row}, {l.Period}: {l.Reason}"))})";
        }
        return Redirect($"{SystemHome}/measures/{Id}/upload?upload={uploadId}");
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
            this.Succeeded($"Imported {Plan.FileName}: {Prose.Number(result.Added)} added, {Prose.Number(result.Changed)} changed, {Prose.Number(result.Unchanged)} unchanged");
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
