using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Data;
using Concordat.Core.Measures;
using Concordat.Core.Words;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Export;

internal static class ExportCommand
{
    private static readonly string[] Formats = ["csv", "xlsx"];

    public static Command Create()
    {
        var system = new Option<string>("--system") { Description = "The system's id or exact name.", Required = true };
        var measure = new Option<string>("--measure") { Description = "The measure's id or exact name.", Required = true };
        var format = new Option<string?>("--format") { Description = "csv or xlsx (default: from the output file's extension)." };
        var output = new Option<FileInfo>("--output") { Description = "The file to write.", Required = true };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the file if it exists." };
        var data = new Command("measure-data", "Export a measure's values, one row per period, with the Making Data Count reading of each point " +
            "(mean, process limits, special cause, whether the limits are provisional and where they were recalculated) and the target and trajectory.")
        {
            system, measure, format, output, overwrite,
        };
        data.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var target = parse.GetValue(output)!;
            var chosen = (parse.GetValue(format) ?? target.Extension.TrimStart('.')).ToLowerInvariant();
            if (!Formats.Contains(chosen))
            {
                throw new CliUsageException(parse.GetValue(format) is { } named
                    ? $"--format must be csv or xlsx, not '{named}'."
                    : $"Say --format csv or --format xlsx: the output file's extension ('{target.Extension}') names neither.");
            }
            if (target.Exists && !parse.GetValue(overwrite))
            {
                throw new CliUsageException($"{target.FullName} already exists. Choose another file or add --overwrite.");
            }
            var db = services.GetRequiredService<ConcordatDb>();
            db.Tenant.Enter(await CliHost.ResolveSystemAsync(db, parse.GetValue(system)!, token));
            var measureId = await CliHost.ResolveMeasureAsync(db, parse.GetValue(measure)!, token);
            var (found, table) = await services.GetRequiredService<MeasureService>().DataTableAsync(measureId, token);
            var bytes = chosen == "csv" ? table.ToCsv() : await table.ToXlsxAsync("Data", token);
            await File.WriteAllBytesAsync(target.FullName, bytes, token);
            Console.WriteLine($"Exported {Prose.Count(table.Rows.Count, "value")} of {found.Name} to {target.FullName}.");
            return 0;
        }, ct));
        return new Command("export", "Export data from a system.") { data };
    }
}
