using System.Text;
using Concordat.Core.Access;
using Concordat.Core.Strategy.Import;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Mvc;

namespace Concordat.Web.Pages.Strategy;

public sealed class ImportModel(StrategyImporter importer) : SystemPageModel
{
    [BindProperty]
    public IFormFile? StrategyFile { get; set; }

    public void OnGet() => Actor.RequireConvenor("import a strategy");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Actor.RequireConvenor("import a strategy");
        ModelState.Clear();
        if (StrategyFile is null)
        {
            ModelState.AddModelError(nameof(StrategyFile), "Select a YAML or JSON file");
        }
        else if (StrategyFile.Length == 0)
        {
            ModelState.AddModelError(nameof(StrategyFile), "The selected file is empty");
        }
        else if (StrategyFile.Length > Core.Strategy.Import.StrategyFile.MaxBytes)
        {
            ModelState.AddModelError(nameof(StrategyFile), "The file is too big: files can be at most 2 MB");
        }
        if (ModelState.ErrorCount > 0)
        {
            return this.InvalidInput();
        }
        try
        {
            using var reader = new StreamReader(StrategyFile!.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            var file = Core.Strategy.Import.StrategyFile.Read(await reader.ReadToEndAsync(ct));
            var added = await importer.ImportAsync(file, Actor, ct);
            this.Succeeded($"Imported {added.InWords()}");
            return Redirect($"{SystemHome}/goals");
        }
        catch (StrategyFileException e)
        {
            ModelState.AddModelError(nameof(StrategyFile), e.Message);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(StrategyFile), "The file is not UTF-8 text: save it as UTF-8 and upload it again");
        }
        catch (InputInvalidException e)
        {
            // Every problem goes in the error summary, each naming its entry and field as the file does.
            var count = e.Errors.Sum(f => f.Value.Length);
            ModelState.AddModelError(nameof(StrategyFile), $"The file has {Prose.Count(count, "problem")}. Nothing has been imported: correct the file and upload it again.");
            foreach (var (where, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(nameof(StrategyFile), $"{where}: {message}");
                }
            }
        }
        return this.InvalidInput();
    }
}
