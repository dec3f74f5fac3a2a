using System.Net;
using System.Text.RegularExpressions;
using Concordat.Core.People;
using Concordat.Web.Pages.Account;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Concordat.Web.Tests.Account;

/// <summary>Counts password hash checks, so a test can see that every failed sign-in did the same work.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Person>
{
    private readonly PasswordHasher<Person> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Person user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Person user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingApp(DatabaseKind kind) : TestApp(kind)
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Scoped<IPasswordHasher<Person>>(_ => Hasher)));
    }
}

public sealed partial class SignInEnumerationTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task FailedSignIns_UnknownWrongLockedDeactivatedOrNoPassword_AnswerTheSameAfterOneHashCheckEach(DatabaseKind kind)
    {
        Assert.SkipWhen(kind == DatabaseKind.Postgres && Environment.GetEnvironmentVariable(TestApp.PostgresVariable) is null,
            $"{TestApp.PostgresVariable} is not set.");
        await using var app = new CountingApp(kind);
        var system = await app.CreateSystemAsync();
        var invitedEmail = $"invited-{Guid.NewGuid():N}@test.concordat.example";
        await using (var scope = app.Database())
        {
            var users = scope.Get<UserManager<Person>>();
            scope.Db.Users.Add(new Person
            {
                UserName = invitedEmail, Email = invitedEmail, DisplayName = "Ivy Invited", LockoutEnabled = true,
                NormalizedEmail = users.NormalizeEmail(invitedEmail), NormalizedUserName = users.NormalizeName(invitedEmail),
            });
            var deactivated = await scope.Db.Users.SingleAsync(p => p.Id == system.CouncilContributor.Id, TestContext.Current.CancellationToken);
            deactivated.DeactivatedAtUtc = DateTime.UtcNow;
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var client = new PageClient(app.CreateClient());
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(system.TrustLead.Email, "wrong password " + i);
        }

        var attempts = new (string Case, string Email, string Password)[]
        {
            ("unknown address", $"nobody-{Guid.NewGuid():N}@test.concordat.example", "wrong password"),
            ("wrong password", system.Viewer.Email, "wrong password"),
            ("locked, right password", system.TrustLead.Email, system.TrustLead.Password),
            ("deactivated, right password", system.CouncilContributor.Email, system.CouncilContributor.Password),
            ("no password yet", invitedEmail, "wrong password"),
        };
        var answers = new List<(string Case, HttpStatusCode Status, string Body, int Checks)>();
        foreach (var (name, email, password) in attempts)
        {
            var before = app.Hasher.Verifications;
            var page = await client.GetAsync("/sign-in");
            var result = await page.SubmitAsync("form[method=post]", new() { ["Input.Email"] = email, ["Input.Password"] = password });
            answers.Add((name, result.Status, WithoutValues(result.Html), app.Hasher.Verifications - before));
        }

        Assert.All(answers, a =>
        {
            Assert.Equal((a.Case, HttpStatusCode.BadRequest), (a.Case, a.Status));
            Assert.Equal((a.Case, 1), (a.Case, a.Checks));
            Assert.Equal((a.Case, answers[0].Body), (a.Case, a.Body));
        });
        Assert.Contains(SignInModel.FailureMessage, answers[0].Body);
    }

    /// <summary>The page echoes the email typed and carries a fresh anti-forgery token: neither says anything about the account.</summary>
    private static string WithoutValues(string html) => ValueAttribute().Replace(html, "value=\"\"");

    [GeneratedRegex("value=\"[^\"]*\"")]
    private static partial Regex ValueAttribute();
}
