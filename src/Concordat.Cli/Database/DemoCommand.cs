using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Data;
using Concordat.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Database;

internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", $"Create the demo workspace ({DemoWorkspace.SystemName}), migrating the database first. Does nothing if it exists.");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(token);
            var db = services.GetRequiredService<ConcordatDb>();
            var existed = await db.Systems.AnyAsync(s => s.Name == DemoWorkspace.SystemName, token);
            var id = await services.GetRequiredService<DemoWorkspace>().CreateAsync(token);
            Console.WriteLine(existed
                ? $"The demo workspace already exists: {DemoWorkspace.SystemName} ({id})."
                : $"Created the demo workspace: {DemoWorkspace.SystemName} ({id}).");
            Console.WriteLine($"Sign in as {DemoWorkspace.ConvenorEmail} with password {DemoWorkspace.Password}");
            foreach (var person in DemoWorkspace.People)
            {
                Console.WriteLine($"  {person.Email,-38} {person.RoleDescription}");
            }
            return 0;
        }, ct));
        return command;
    }
}
