using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Access;
using Concordat.Core.Data;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Core.Words;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.People;

internal static class UsersCommand
{
    public static Command Create()
    {
        var system = new Option<string>("--system") { Description = "The system's id or exact name.", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "The organisation's ODS code, ONS code or id.", Required = true };
        var role = new Option<Role>("--role") { Description = "Convenor, OrganisationLead, Contributor or Viewer.", Required = true };
        var email = new Option<string>("--email") { Description = "The person's email address (they sign in with it).", Required = true };
        var name = new Option<string?>("--name") { Description = "Full name; needed when the person is new." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read a password from standard input instead of printing an invitation link." };
        var baseUrl = new Option<string>("--base-url") { Description = "Where Concordat is served, for the invitation link.", DefaultValueFactory = _ => "http://localhost:5080" };

        var add = new Command("add", "Give a person a role for an organisation in a system, creating their account if needed. " +
            "Prints an invitation link for a new person, or sets the password given on standard input.")
        {
            system, organisation, role, email, name, passwordStdin, baseUrl,
        };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var db = services.GetRequiredService<ConcordatDb>();
            var systemId = await CliHost.ResolveSystemAsync(db, parse.GetValue(system)!, token);
            db.Tenant.Enter(systemId);
            var organisationId = await ResolveOrganisationAsync(db, parse.GetValue(organisation)!, token);
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadToEndAsync(token)).TrimEnd('\r', '\n');
                if (password.Length == 0)
                {
                    throw new CliUsageException("--password-stdin was given but standard input was empty.");
                }
            }
            var people = services.GetRequiredService<PeopleService>();
            // Validate the password before anything is written, so a weak one leaves no half-made account.
            if (password is not null)
            {
                await ValidatePasswordAsync(services, password);
            }
            var added = await people.AddAsync(new AddPerson(parse.GetValue(email), parse.GetValue(name), organisationId, parse.GetValue(role)),
                Actor.Operator(systemId), token);
            if (added.InvitationSecret is null)
            {
                Console.WriteLine($"{parse.GetValue(email)} already has an account; they can sign in with their existing password.");
            }
            else if (password is not null)
            {
                await people.AcceptInvitationAsync(added.InvitationSecret, password, token);
                Console.WriteLine($"Added {parse.GetValue(email)} with the password given.");
            }
            else
            {
                Console.WriteLine($"Added {parse.GetValue(email)}. Give them this single-use invitation link (it expires in {Prose.Count((long)Invitation.Lifetime.TotalDays, "day")}):");
                Console.WriteLine($"{parse.GetValue(baseUrl)!.TrimEnd('/')}/invitation/{added.InvitationSecret}");
            }
            return 0;
        }, ct));

        return new Command("users", "Manage people.") { add };
    }

    internal static async Task ValidatePasswordAsync(IServiceProvider services, string password)
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Person>>();
        var probe = new Person { DisplayName = "", UserName = "probe" };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            if (!result.Succeeded)
            {
                throw new InputInvalidException(new Dictionary<string, string[]> { ["Password"] = result.Errors.Select(e => e.Description).ToArray() });
            }
        }
    }

    internal static async Task<Guid> ResolveOrganisationAsync(ConcordatDb db, string value, CancellationToken ct)
    {
        var code = Registers.Normalise(value);
        var found = Guid.TryParse(value, out var id)
            ? await db.Organisations.Where(o => o.Id == id).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct)
            : await db.Organisations.Where(o => o.OdsCode == code || o.OnsCode == code).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        return found ?? throw new CliUsageException($"There is no organisation with ODS code, ONS code or id '{value}' in this system.");
    }
}
