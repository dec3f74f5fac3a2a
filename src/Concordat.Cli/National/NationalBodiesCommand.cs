using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.Access;
using Concordat.Core.National;
using Concordat.Core.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.National;

/// <summary>The national bodies and their national partners, as an administrator looks after them on the pages; acts are the operator's.</summary>
internal static class NationalBodiesCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the national bodies, with how many national partners each has.");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            foreach (var body in await services.GetRequiredService<NationalBodyService>().ListAsync(token))
            {
                Console.WriteLine($"{body.Id}  {body.Name} ({body.Kind.InWords()}; {Core.Words.Prose.Count(body.Partners, "national partner")})");
            }
            return 0;
        }, ct));

        var name = new Option<string>("--name") { Description = "The body's name, like 'NHS England North West'.", Required = true };
        var kind = new Option<NationalBodyKind>("--kind")
        {
            Description = "NhsEngland, NhsEnglandRegion, DepartmentOfHealthAndSocialCare, CareQualityCommission, HousingCommunitiesAndLocalGovernment, HmTreasury, "
                + "Nice, UkHealthSecurityAgency or Other (the default).",
            DefaultValueFactory = _ => NationalBodyKind.Other,
        };
        var add = new Command("add", "Add a national body that systems can address.") { name, kind };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var body = await services.GetRequiredService<NationalBodyService>().CreateAsync(new SaveNationalBody(parse.GetValue(name), parse.GetValue(kind)),
                AccountActor.Operator, token);
            Console.WriteLine($"Added {body.Name} ({body.Id}).");
            return 0;
        }, ct));

        var body = new Option<string>("--body") { Description = "The national body's id or exact name.", Required = true };
        var email = new Option<string>("--email") { Description = "The person's email address (they sign in with it).", Required = true };
        var displayName = new Option<string?>("--name") { Description = "The person's full name; needed when they are new." };
        var team = new Option<string?>("--team") { Description = "Their team within the body, like 'System transformation'." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the new account's password from standard input (otherwise they sign in through single sign-on)." };
        var appoint = new Command("appoint", "Make a person a national partner of a body, creating their account if new. " +
            "Someone who holds a role in a system cannot be one.") { body, email, displayName, team, passwordStdin };
        appoint.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            string? password = null;
            if (parse.GetValue(passwordStdin))
            {
                password = (await Console.In.ReadToEndAsync(token)).TrimEnd('\r', '\n');
                if (password.Length == 0)
                {
                    throw new CliUsageException("--password-stdin was given but standard input was empty.");
                }
                // Checked before anything is written, so a weak one leaves no half-made account.
                await People.UsersCommand.ValidatePasswordAsync(services, password);
            }
            var bodies = services.GetRequiredService<NationalBodyService>();
            var bodyId = await ResolveAsync(bodies, parse.GetValue(body)!, token);
            var appointed = await bodies.AppointAsync(bodyId, new AppointNationalPartner(parse.GetValue(email), parse.GetValue(displayName), parse.GetValue(team)),
                AccountActor.Operator, token);
            Console.WriteLine($"{appointed.Name} ({appointed.Email}) is a national partner of {(await bodies.GetAsync(bodyId, token)).Name}.");
            if (password is not null)
            {
                var users = services.GetRequiredService<UserManager<Person>>();
                var person = await users.FindByIdAsync(appointed.PersonId.ToString());
                // Never replaces a password the person already set: an existing account keeps signing in as it did.
                Console.WriteLine(person!.PasswordHash is null && (await users.AddPasswordAsync(person, password)).Succeeded
                    ? "They sign in with the password given."
                    : "They already have a password and sign in with it.");
            }
            return 0;
        }, ct));

        return new Command("national-bodies", "List and add national bodies, and appoint their national partners.") { list, add, appoint };
    }

    private static async Task<Guid> ResolveAsync(NationalBodyService bodies, string idOrName, CancellationToken ct) =>
        (await bodies.ListAsync(ct)).FirstOrDefault(b => b.Id.ToString() == idOrName || b.Name == idOrName)?.Id
        ?? throw new NotFoundException($"There is no national body with the id or name '{idOrName}': see 'concordat national-bodies list'.");
}
