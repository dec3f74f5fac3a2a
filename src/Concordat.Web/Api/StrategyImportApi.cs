using System.Text;
using Concordat.Core.Strategy.Import;
using Concordat.Web.Infrastructure;

namespace Concordat.Web.Api;

/// <summary>What an import added; places, partners and forums the system already had were used and are not counted.</summary>
public sealed record StrategyImportResponse(int Places, int Partners, int Forums, int Ambitions, int Measures, int Observations, int Goals, int Drivers,
    int ChangeIdeas, int SharedPriorities, bool Narrative);

public static class StrategyImportApi
{
    private static readonly string[] MediaTypes = ["application/yaml", "text/yaml", "application/x-yaml", "application/json"];

    public static void MapStrategyImportApi(this RouteGroupBuilder group)
    {
        group.MapPost("/strategy/import", async (HttpContext context, StrategyImporter importer, CancellationToken ct) =>
            {
                var actor = context.Actor();
                actor.RequireConvenor("import a strategy");
                var mediaType = context.Request.ContentType?.Split(';')[0].Trim();
                if (!MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
                {
                    return new Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                        "Send the strategy file as application/yaml or application/json.", "unsupported_media_type").ToResult();
                }
                if (await Uploads.ReadAsync(context.Request, StrategyFile.MaxBytes, ct) is not { } body)
                {
                    return Uploads.TooLarge("2 MB");
                }
                StrategyFile file;
                try
                {
                    file = StrategyFile.Read(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.ToArray()));
                }
                catch (Exception e) when (e is StrategyFileException or DecoderFallbackException)
                {
                    var detail = e is StrategyFileException ? e.Message : "The file is not UTF-8 text: save it as UTF-8 and send it again.";
                    return new Problem(StatusCodes.Status400BadRequest, "The file cannot be read", detail, "import_file_invalid").ToResult();
                }
                var added = await importer.ImportAsync(file, actor, ct);
                return TypedResults.Ok(new StrategyImportResponse(added.Places, added.Partners, added.Forums, added.Ambitions, added.Measures, added.Observations,
                    added.Goals, added.Drivers, added.ChangeIdeas, added.SharedPriorities, added.Narrative));
            })
            .Accepts<string>("application/yaml", "application/json")
            .Produces<StrategyImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Load an existing strategy (places, partners, forums, ambitions, measures with data, goals with driver diagrams, change ideas with their behavioural diagnosis and shared priorities, the strategy's own words) from the YAML or JSON format of docs/strategy-import.md, all or nothing; every problem is named by entry and field, like goals[2].horizon (convenors)");
    }
}
