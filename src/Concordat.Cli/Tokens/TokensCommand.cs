using System.CommandLine;
using Concordat.Cli.Infrastructure;
using Concordat.Core.People;
using Concordat.Core.Tokens;
using Concordat.Core.Words;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Concordat.Cli.Tokens;

internal static class TokensCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "The person the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "Command line" };
        var expires = new Option<int?>("--expires-in-days") { Description = $"Days until it expires (1 to {TokenService.MaxExpiryDays}); default never." };
        var create = new Command("create", "Create a personal access token for a person. The token is printed alone on the last line; it is not stored and cannot be shown again.")
        {
            email, name, expires,
        };
        create.SetAction((parse, ct) => CliHost.RunAsync(parse, async (services, token) =>
        {
            var users = services.GetRequiredService<UserManager<Person>>();
            var address = parse.GetValue(email)!;
            var person = await users.FindByEmailAsync(address) ?? throw new CliUsageException($"There is no person with email {address}.");
            var created = await services.GetRequiredService<TokenService>()
                .CreateAsync(person.Id, new CreateToken(parse.GetValue(name), parse.GetValue(expires)), token);
            Console.WriteLine($"Token \"{created.Name}\" for {person.DisplayName} ({address}), " +
                (created.ExpiresAtUtc is { } at ? $"expires {Prose.DateAndTime(at)} (UK time):" : "does not expire:"));
            Console.WriteLine(created.Secret);
            return 0;
        }, ct));
        return new Command("tokens", "Manage API tokens.") { create };
    }
}
