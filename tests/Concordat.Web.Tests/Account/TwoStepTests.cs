using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Account;

/// <summary>
/// Two-step verification as a deployment runs it: required of convenors and administrators. Codes are worked out here
/// from the key the page shows, by RFC 6238 itself rather than by the code under test.
/// </summary>
public sealed class TwoStepTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestApp Start(DatabaseKind kind)
    {
        Assert.SkipWhen(kind == DatabaseKind.Postgres && Environment.GetEnvironmentVariable(TestApp.PostgresVariable) is null,
            $"{TestApp.PostgresVariable} is not set.");
        return new TestApp(kind, new Dictionary<string, string?> { ["Security:RequireTwoFactorForConvenors"] = "true" });
    }

    /// <summary>The 6-digit TOTP of a base32 key for now: HMAC-SHA1 over 30-second steps (RFC 6238, RFC 4226).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 6238 authenticator codes are HMAC-SHA1 by definition.")]
    public static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c != ' ' && c != '='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }

    /// <summary>Signs in with the password, sets up an authenticator as the page asks, and returns the key and recovery codes.</summary>
    private static async Task<(string Key, List<string> RecoveryCodes, PageClient Client)> SetUpAsync(TestApp app, TestPerson person)
    {
        var client = new PageClient(app.CreateClient());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(person.Email, person.Password)).Status);
        var setup = await client.GetAsync("/account/two-step");
        var key = setup.Text("#authenticator-key");
        var enabled = await setup.SubmitAsync("form[action*='handler=Enable']", new() { ["Code"] = Totp(key) });
        Assert.True(enabled.Status == HttpStatusCode.OK, $"{enabled.Status} {enabled.Location}");
        return (key, [.. enabled.Document.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim())], client);
    }

    private static async Task<PageResponse> SignInWithCodeAsync(PageClient client, TestPerson person, string code)
    {
        var password = await client.SignInAsync(person.Email, person.Password);
        Assert.Equal("/sign-in/code", password.Location);
        var page = await password.FollowAsync();
        return await page.SubmitAsync("main form", new() { ["Code"] = code });
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AConvenor_SetsItUpBeforeAnythingElse_ThenSignsInWithACodeOrARecoveryCodeOnce(DatabaseKind kind)
    {
        await using var app = Start(kind);
        var system = await app.CreateSystemAsync();
        var first = new PageClient(app.CreateClient());
        await first.SignInAsync(system.Convenor.Email, system.Convenor.Password);

        var beforeSetup = await first.GetAsync($"/systems/{system.Id}");
        var setup = await first.GetAsync("/account/two-step");
        var wrong = await setup.SubmitAsync("form[action*='handler=Enable']", new() { ["Code"] = "000000" });
        var (key, recoveryCodes, client) = await SetUpAsync(app, system.Convenor);
        var afterSetup = await client.GetAsync($"/systems/{system.Id}");

        var passwordOnly = new PageClient(app.CreateClient());
        var passwordStep = await passwordOnly.SignInAsync(system.Convenor.Email, system.Convenor.Password);
        var notYetIn = await passwordOnly.GetAsync($"/systems/{system.Id}");
        var wrongCode = await (await passwordStep.FollowAsync()).SubmitAsync("main form", new() { ["Code"] = "123 456" });
        var withApp = await SignInWithCodeAsync(new PageClient(app.CreateClient()), system.Convenor, Totp(key));
        var withRecovery = await SignInWithCodeAsync(new PageClient(app.CreateClient()), system.Convenor, recoveryCodes[0]);
        var recoveryAgain = await SignInWithCodeAsync(new PageClient(app.CreateClient()), system.Convenor, recoveryCodes[0]);

        Assert.Equal(HttpStatusCode.Redirect, beforeSetup.Status);
        Assert.Equal("/account/two-step", beforeSetup.Location);
        Assert.Equal(["The code is not right: enter the 6-digit code your authenticator app shows now"], wrong.ErrorSummary);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(HttpStatusCode.OK, afterSetup.Status);
        Assert.Equal(HttpStatusCode.Redirect, notYetIn.Status);
        Assert.Contains("/sign-in?", notYetIn.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.Equal("/systems", withApp.Location);
        Assert.Equal("/systems", withRecovery.Location);
        Assert.Equal(HttpStatusCode.BadRequest, recoveryAgain.Status);
        await using var scope = app.Database(system.Id);
        var actions = await scope.Db.AuditEvents.Where(e => e.EntityId == system.Convenor.Id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains("TwoStepTurnedOn", actions);
        Assert.Equal(2, actions.Count(a => a == "SignInFailed"));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task OthersMayTurnItOnAndOff_ConvenorsMayNot(DatabaseKind kind)
    {
        await using var app = Start(kind);
        var system = await app.CreateSystemAsync();
        var viewer = await PageClient.SignedInAsync(app, system.Viewer);

        var notForced = await viewer.GetAsync($"/systems/{system.Id}");
        var (viewerKey, _, viewerClient) = await SetUpAsync(app, system.Viewer);
        var withoutCode = await (await viewerClient.GetAsync("/account/two-step")).SubmitAsync("form[action*='handler=Disable']", []);
        var off = await (await viewerClient.GetAsync("/account/two-step")).SubmitAsync("form[action*='handler=Disable']", new() { ["Code"] = Totp(viewerKey) });
        var (_, _, convenor) = await SetUpAsync(app, system.Convenor);
        var convenorPage = await convenor.GetAsync("/account/two-step");

        Assert.Equal(HttpStatusCode.OK, notForced.Status);
        Assert.Equal(["Enter the 6-digit code your authenticator app shows"], withoutCode.ErrorSummary);
        Assert.Equal(HttpStatusCode.Redirect, off.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await new PageClient(app.CreateClient()).SignInAsync(system.Viewer.Email, system.Viewer.Password)).Status);
        Assert.Null(convenorPage.Document.QuerySelector("form[action*='handler=Disable']"));
        Assert.Contains("Convenors and administrators keep it on.", convenorPage.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task AnAdministratorResetsItForSomeoneWhoLostTheirPhone_WhoIsSignedOutAndSetsItUpAgain(DatabaseKind kind)
    {
        await using var app = Start(kind);
        var system = await app.CreateSystemAsync();
        var (adminKey, _, _) = await SetUpAsync(app, await MakeAdministratorAsync(app, system.CouncilLead));
        var (_, _, convenor) = await SetUpAsync(app, system.Convenor);
        var admin = new PageClient(app.CreateClient());
        Assert.Equal("/systems", (await SignInWithCodeAsync(admin, system.CouncilLead, Totp(adminKey))).Location);

        var reset = await (await admin.GetAsync($"/people/{system.Convenor.Id}/account")).SubmitAsync("form[action*='handler=ResetTwoStep']", []);
        var oldSession = await convenor.GetAsync($"/systems/{system.Id}");
        var again = new PageClient(app.CreateClient());
        var password = await again.SignInAsync(system.Convenor.Email, system.Convenor.Password);
        var sentToSetUp = await again.GetAsync($"/systems/{system.Id}");

        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Contains("/sign-in?", oldSession.Location, StringComparison.Ordinal);
        Assert.Equal("/systems", password.Location);
        Assert.Equal("/account/two-step", sentToSetUp.Location);
        await using var scope = app.Database(system.Id);
        Assert.True(await scope.Db.AuditEvents.AnyAsync(e => e.EntityId == system.Convenor.Id && e.Action == "TwoStepReset", Ct));
    }

    private static async Task<TestPerson> MakeAdministratorAsync(TestApp app, TestPerson person)
    {
        await using var scope = app.Database();
        (await scope.Db.Users.SingleAsync(p => p.Id == person.Id, Ct)).IsAdministrator = true;
        await scope.Db.SaveChangesAsync(Ct);
        return person;
    }
}
