using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Data;
using Concordat.Core.History;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Audit;

internal static class AuditCommand
{
    /// <summary>The exit status when a chain is broken: the command ran, and found the audit tampered with.</summary>
    public const int Broken = 1;

    public static Command Create()
    {
        var system = new Option<string?>("--system") { Description = "The system's id or exact name (default: every system)." };
        var verify = new Command("verify", "Check that each system's audit is whole: every entry unchanged and linked to the one before it. " +
            $"Prints how many entries hold together and the last one's hash (keep it: a later check should end in the same), or the first broken entry, and exits {Broken} if any is broken.")
        {
            system,
        };
        verify.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var db = services.GetRequiredService<ConcordatDb>();
            var systems = await db.Systems.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(token);
            if (parse.GetValue(system) is { } named)
            {
                var id = await CliHost.ResolveSystemAsync(db, named, token);
                systems = [.. systems.Where(s => s.Id == id)];
            }
            var status = 0;
            foreach (var s in systems)
            {
                var result = await AuditChain.VerifyAsync(db, s.Id, token);
                if (result.Break is { } broken)
                {
                    Console.WriteLine($"{s.Name}: {Prose.Count(result.Entries, "entry")} verified, then entry {broken.Sequence} is broken: {broken.Reason}. " +
                        $"Entry id {broken.Id}, {Prose.DateAndTime(broken.OccurredAtUtc)} (UK time), action {broken.Action}.");
                    status = Broken;
                }
                else
                {
                    Console.WriteLine($"{s.Name}: verified {Prose.Count(result.Entries, "entry")}; the last hash is {result.LastHash}.");
                }
            }
            return status;
        }, ct));
        return new Command("audit", "Check the audit of changes.") { verify };
    }
}
