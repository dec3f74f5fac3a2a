using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Words;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Systems;

/// <summary>Creating and renaming systems, as an administrator does on the pages; every act is recorded as the operator's.</summary>
internal static class SystemsCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "The system's name, like 'Northshire and Eastvale ICS'.", Required = true };
        var convenorEmail = new Option<string>("--convenor-email") { Description = "The first convenor's email address (they sign in with it).", Required = true };
        var convenorName = new Option<string?>("--convenor-name") { Description = "The first convenor's full name; needed when they are new." };
        var organisation = new Option<string>("--organisation") { Description = "The name of the organisation the convenor acts for, usually the ICB.", Required = true };
        var organisationType = new Option<OrganisationType>("--organisation-type")
        {
            Description = "IntegratedCareBoard (the default), NhsTrust, PrimaryCare, LocalAuthority, Vcse, SocialEnterprise, Hospice or Healthwatch.",
            DefaultValueFactory = _ => OrganisationType.IntegratedCareBoard,
        };
        var odsCode = new Option<string?>("--ods-code") { Description = "The organisation's ODS code, if it has one." };
        var baseUrl = new Option<string>("--base-url") { Description = "Where Concordat is served, for the invitation link.", DefaultValueFactory = _ => "http://localhost:5080" };

        var add = new Command("add", "Create a system with its first convenor and the organisation they act for. " +
            "Prints an invitation link when the convenor is new.")
        {
            name, convenorEmail, convenorName, organisation, organisationType, odsCode, baseUrl,
        };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var created = await services.GetRequiredService<SystemService>().CreateAsync(new CreateSystem(parse.GetValue(name), parse.GetValue(organisation),
                parse.GetValue(organisationType), parse.GetValue(odsCode), parse.GetValue(convenorName), parse.GetValue(convenorEmail)), AccountActor.Operator, token);
            Console.WriteLine($"Created {created.Name} ({created.SystemId}), with {parse.GetValue(convenorEmail)!.Trim()} as its first convenor.");
            if (created.InvitationSecret is { } secret)
            {
                Console.WriteLine($"Give them this single-use invitation link (it expires in {Prose.Count((long)Invitation.Lifetime.TotalDays, "day")}):");
                Console.WriteLine($"{parse.GetValue(baseUrl)!.TrimEnd('/')}/invitation/{secret}");
            }
            else
            {
                Console.WriteLine("They already have an account and sign in with it.");
            }
            return 0;
        }, ct));

        var system = new Option<string>("--system") { Description = "The system's id or exact name.", Required = true };
        var newName = new Option<string>("--name") { Description = "The system's new name.", Required = true };
        var rename = new Command("rename", "Rename a system.") { system, newName };
        rename.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var db = services.GetRequiredService<ConcordatDb>();
            var systemId = await CliHost.ResolveSystemAsync(db, parse.GetValue(system)!, token);
            db.Tenant.Enter(systemId);
            // The operator renames whatever the name is now: there is no earlier read to protect.
            var renamed = await services.GetRequiredService<SystemService>().RenameAsync(systemId, parse.GetValue(newName), Versions.Any, Actor.Operator(systemId), token);
            Console.WriteLine($"The system is now called {renamed.Name}.");
            return 0;
        }, ct));

        return new Command("systems", "Create and rename systems.") { add, rename };
    }
}
