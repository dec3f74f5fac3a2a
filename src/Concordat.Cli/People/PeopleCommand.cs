using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.People;

/// <summary>
/// Roles, removal and accounts, as the pages offer them: role changes and removal act in one system (as a convenor
/// would); deactivation, ending sessions and reset links act on the whole account (as an administrator would). Every
/// act is recorded as the operator's.
/// </summary>
internal static class PeopleCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var system = new Option<string>("--system") { Description = "The system's id or exact name.", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "The organisation's ODS code, ONS code or id.", Required = true };
        var role = new Option<Role>("--role") { Description = "Convenor, OrganisationLead, Contributor or Viewer.", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "Where Concordat is served, for the link.", DefaultValueFactory = _ => "http://localhost:5080" };

        var setRole = new Command("set-role", "Change the role a person has for an organisation in a system; their sessions end.") { system, email, organisation, role };
        setRole.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var db = services.GetRequiredService<ConcordatDb>();
            var systemId = await EnterSystemAsync(db, parse.GetValue(system)!, token);
            var person = await FindAsync(services, parse.GetValue(email)!);
            var organisationId = await UsersCommand.ResolveOrganisationAsync(db, parse.GetValue(organisation)!, token);
            var membershipId = await db.Memberships.Where(m => m.PersonId == person.Id && m.OrganisationId == organisationId)
                .Select(m => (Guid?)m.Id).SingleOrDefaultAsync(token)
                ?? throw new CliUsageException($"{person.Email} has no role for that organisation in this system; add one with 'users add'.");
            await services.GetRequiredService<PeopleService>().ChangeRoleAsync(membershipId, parse.GetValue(role), Actor.Operator(systemId), token);
            Console.WriteLine($"{person.DisplayName} is now {parse.GetValue(role).InWords().ToLowerInvariant()}; their sessions have ended.");
            return 0;
        }, ct));

        var remove = new Command("remove", "Take every role a person has in a system away; their sessions end.") { system, email };
        remove.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var db = services.GetRequiredService<ConcordatDb>();
            var systemId = await EnterSystemAsync(db, parse.GetValue(system)!, token);
            var person = await FindAsync(services, parse.GetValue(email)!);
            await services.GetRequiredService<PeopleService>().RemoveAsync(person.Id, Actor.Operator(systemId), token);
            Console.WriteLine($"{person.DisplayName} no longer has a role in this system.");
            return 0;
        }, ct));

        Command AccountCommand(string name, string description, Func<AccountService, Guid, CancellationToken, Task> act, string done)
        {
            var command = new Command(name, description) { email };
            command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
            {
                var person = await FindAsync(services, parse.GetValue(email)!);
                await act(services.GetRequiredService<AccountService>(), person.Id, token);
                Console.WriteLine($"{person.DisplayName}: {done}.");
                return 0;
            }, ct));
            return command;
        }

        var resetLink = new Command("reset-link", "Make a single-use link with which the person sets a new password; " +
            "their old password stops working and their sessions end.") { email, baseUrl };
        resetLink.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var person = await FindAsync(services, parse.GetValue(email)!);
            var secret = await services.GetRequiredService<AccountService>().CreateResetLinkAsync(person.Id, AccountActor.Operator, token);
            Console.WriteLine($"Give {person.DisplayName} this single-use link (it expires in {Prose.Count((long)Invitation.Lifetime.TotalDays, "day")}):");
            Console.WriteLine($"{parse.GetValue(baseUrl)!.TrimEnd('/')}/invitation/{secret}");
            return 0;
        }, ct));

        return new Command("people", "Change or remove people's roles, and look after their accounts.")
        {
            setRole,
            remove,
            AccountCommand("deactivate", "Stop the person signing in or using API tokens, in every system; their sessions end.",
                (accounts, id, ct) => accounts.DeactivateAsync(id, AccountActor.Operator, ct), "deactivated, sessions ended"),
            AccountCommand("reactivate", "Let a deactivated person sign in again.",
                (accounts, id, ct) => accounts.ReactivateAsync(id, AccountActor.Operator, ct), "reactivated"),
            AccountCommand("end-sessions", "End every session of the person; they sign in again.",
                (accounts, id, ct) => accounts.EndSessionsAsync(id, AccountActor.Operator, ct), "every session ended"),
            resetLink,
        };
    }

    private static async Task<Guid> EnterSystemAsync(ConcordatDb db, string value, CancellationToken ct)
    {
        var systemId = await CliHost.ResolveSystemAsync(db, value, ct);
        db.Tenant.Enter(systemId);
        return systemId;
    }

    private static async Task<Person> FindAsync(IServiceProvider services, string email) =>
        await services.GetRequiredService<UserManager<Person>>().FindByEmailAsync(email.Trim())
        ?? throw new CliUsageException($"There is no person with email {email}.");
}
