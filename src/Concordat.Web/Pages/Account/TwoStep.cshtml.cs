using Concordat.Core.Access;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Concordat.Web.Pages.Account;

/// <summary>Setting up, renewing and turning off two-step verification for the signed-in person.</summary>
public sealed class TwoStepModel(UserManager<Person> users, SignInManager<Person> signIn, TwoStepVerification twoStep) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool IsOn { get; private set; }
    public bool IsRequired { get; private set; }
    public AuthenticatorSetup? Setup { get; private set; }

    /// <summary>The otpauth link as a QR code, drawn here (SVG) so the key never leaves the server.</summary>
    public string? QrCode { get; private set; }

    /// <summary>Shown once, just after they are made.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await MeAsync(), ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct)
    {
        var person = await MeAsync();
        try
        {
            RecoveryCodes = await twoStep.EnableAsync(person, Code, ct);
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(person, ct);
            return this.InvalidInput(e, prefix: "");
        }
        // Turning it on gave the person a new security stamp, ending every session: this browser gets a new one.
        await signIn.SignInAsync(person, isPersistent: false);
        await LoadAsync(person, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var person = await MeAsync();
        try
        {
            RecoveryCodes = await twoStep.ReplaceRecoveryCodesAsync(person, Code, ct);
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(person, ct);
            return this.InvalidInput(e, prefix: "");
        }
        await LoadAsync(person, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        var person = await MeAsync();
        try
        {
            await twoStep.DisableAsync(person, Code, ct);
        }
        catch (InputInvalidException e)
        {
            await LoadAsync(person, ct);
            return this.InvalidInput(e, prefix: "");
        }
        await signIn.SignInAsync(person, isPersistent: false);
        this.Succeeded("Two-step verification is off. Every other session of yours has ended.");
        return Redirect("/account");
    }

    private async Task<Person> MeAsync() =>
        await users.FindByIdAsync(User.PersonId().ToString()) ?? throw new ForbiddenException("Your account no longer exists.");

    private async Task LoadAsync(Person person, CancellationToken ct)
    {
        IsOn = person.TwoFactorEnabled;
        IsRequired = await twoStep.IsRequiredAsync(person, ct);
        if (!IsOn)
        {
            Setup = await twoStep.SetupAsync(person);
            using var data = QRCodeGenerator.GenerateQrCode(Setup.Uri, QRCodeGenerator.ECCLevel.M);
            QrCode = new SvgQRCode(data).GetGraphic(4);
        }
    }
}
