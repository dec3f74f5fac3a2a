using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Access;
using Concordat.Core.Areas;
using Concordat.Core.Data;
using Concordat.Core.Measures.Import;
using Concordat.Core.Strategy.Import;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Import;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .xlsx file: period,value[,count,denominator,lower_ci,upper_ci,note] (with an optional measure column), or an OHID Fingertips data export." };
        var system = new Option<string>("--system") { Description = "The system's id or exact name.", Required = true };
        var measure = new Option<string?>("--measure") { Description = "The measure's id or exact name; leave out when the file has a measure column." };
        var indicator = new Option<string?>("--indicator") { Description = "The Fingertips indicator id to take, when the file holds several." };
        var area = new Option<string?>("--area") { Description = "The area code to take, when the file holds several." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and say what would be added and changed, without importing." };
        var data = new Command("measure-data", "Import observations, all or nothing: every row is checked first and any problem stops the import.")
        {
            file, system, measure, indicator, area, dryRun,
        };
        data.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"There is no file {path.FullName}.");
            }
            var db = services.GetRequiredService<ConcordatDb>();
            var systemId = await CliHost.ResolveSystemAsync(db, parse.GetValue(system)!, token);
            db.Tenant.Enter(systemId);
            var measureId = parse.GetValue(measure) is { } named ? await CliHost.ResolveMeasureAsync(db, named, token) : (Guid?)null;
            var importer = services.GetRequiredService<ObservationImporter>();
            var actor = Actor.Operator(systemId);
            using var progress = ImportProgress.Start();
            var clock = Stopwatch.StartNew();
            ImportPlan plan;
            await using (var stream = path.OpenRead())
            {
                progress.Watch("Checking", stream);
                try
                {
                    plan = await importer.PlanAsync(stream, path.Name, measureId, new FileChoice(parse.GetValue(indicator), parse.GetValue(area)), ImportLimits.None, actor, token);
                }
                catch (ImportFileException e)
                {
                    throw new CliUsageException(e.Message);
                }
            }
            if (!plan.IsValid)
            {
                progress.Finish();
                foreach (var problem in plan.Problems.OrderBy(p => p.Row))
                {
                    await Console.Error.WriteLineAsync($"error: {problem}");
                }
                if (plan.ProblemCount > plan.Problems.Count)
                {
                    await Console.Error.WriteLineAsync($"... and {Prose.Count(plan.ProblemCount - plan.Problems.Count, "more problem")}.");
                }
                await Console.Error.WriteLineAsync($"Nothing was imported: {path.Name} has {Prose.Count(plan.ProblemCount, "problem")}.");
                return CliHost.BadInput;
            }
            var leftOut = plan.File.LeftOut.Count == 0 ? "" : $", {Prose.Number(plan.File.LeftOut.Count)} left out (no value)";
            if (parse.GetValue(dryRun))
            {
                progress.Finish();
                Console.WriteLine($"Would import {path.Name} into {Measures(plan)}: {Prose.Number(plan.Added)} added, {Prose.Number(plan.Changed)} changed, {Prose.Number(plan.Unchanged)} unchanged{leftOut}. Nothing was written.");
                return 0;
            }
            var writes = plan.Added + plan.Changed;
            await importer.ApplyAsync(plan, actor, progress.Counting("Importing", writes), token);
            progress.Finish();
            Console.WriteLine($"Imported {path.Name} into {Measures(plan)}: {Prose.Number(plan.Added)} added, {Prose.Number(plan.Changed)} changed, {Prose.Number(plan.Unchanged)} unchanged{leftOut} in {Prose.Number(Math.Round(clock.Elapsed.TotalSeconds, 1))} s.");
            return 0;
        }, ct));
        return new Command("import", "Import data into a system, or reference data for every system.") { data, Strategy(), Areas() };
    }

    private static Command Areas()
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .xlsx ONS code list or lookup from the Open Geography Portal, with columns like LAD24CD,LAD24NM or SICBL23CD,SICBL23NM,ICB23CD,ICB23NM." };
        var command = new Command("areas", "Load ONS area names for every system, all or nothing: new areas are added, known ones updated; loading the same file again changes nothing.")
        {
            file,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"There is no file {path.FullName}.");
            }
            AreaImport.Result result;
            await using (var stream = path.OpenRead())
            {
                try
                {
                    result = await services.GetRequiredService<AreaImport>().ImportAsync(stream, path.Name, token);
                }
                catch (ImportFileException e)
                {
                    throw new CliUsageException(e.Message);
                }
            }
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems.OrderBy(p => p.Row))
                {
                    await Console.Error.WriteLineAsync($"error: {problem}");
                }
                await Console.Error.WriteLineAsync($"Nothing was imported: {path.Name} has {Prose.Count(result.Problems.Count, "problem")}.");
                return CliHost.BadInput;
            }
            var ignored = result.IgnoredColumns.Count == 0 ? "" : $" Left out {string.Join(", ", result.IgnoredColumns)}: no area there is of a kind Concordat keeps.";
            Console.WriteLine($"Imported {path.Name}: {Prose.Count(result.Added, "area")} added, {Prose.Number(result.Changed)} changed, {Prose.Number(result.Unchanged)} unchanged.{ignored}");
            return 0;
        }, ct));
        return command;
    }

    private static Command Strategy()
    {
        var file = new Argument<FileInfo>("file") { Description = "A YAML or JSON strategy file in the format of docs/strategy-import.md." };
        var system = new Option<string>("--system") { Description = "The system's id or exact name.", Required = true };
        var strategy = new Command("strategy", "Load an existing strategy (places, partners, forums, ambitions, measures with data, goals with their driver diagrams and diagnosed change ideas, the strategy's own words), " +
            "all or nothing: every problem is listed by entry and field, and any problem stops the import.")
        {
            file, system,
        };
        strategy.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"There is no file {path.FullName}.");
            }
            if (path.Length > StrategyFile.MaxBytes)
            {
                throw new CliUsageException($"{path.Name} is larger than 2 MB: put long series of data in files for 'concordat import measure-data'.");
            }
            StrategyFile read;
            try
            {
                read = StrategyFile.Read(await File.ReadAllTextAsync(path.FullName, new UTF8Encoding(false, throwOnInvalidBytes: true), token));
            }
            catch (StrategyFileException e)
            {
                throw new CliUsageException($"{path.Name}: {e.Message} Nothing was imported.");
            }
            catch (DecoderFallbackException)
            {
                throw new CliUsageException($"{path.Name} is not UTF-8 text: save it as UTF-8 and try again. Nothing was imported.");
            }
            var db = services.GetRequiredService<ConcordatDb>();
            var systemId = await CliHost.ResolveSystemAsync(db, parse.GetValue(system)!, token);
            db.Tenant.Enter(systemId);
            var added = await services.GetRequiredService<StrategyImporter>().ImportAsync(read, Actor.Operator(systemId), token);
            Console.WriteLine($"Imported {path.Name}: {added.InWords()}.");
            return 0;
        }, ct));
        return strategy;
    }

    private static string Measures(ImportPlan plan) => plan.Measures.Count == 1 ? plan.Measures.Values.Single().Name : Prose.Count(plan.Measures.Count, "measure");
}
