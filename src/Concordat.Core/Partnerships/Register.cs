using System.Text.RegularExpressions;

namespace Concordat.Core.Partnerships;

/// <summary>A public register whose identifier names an organisation; which apply depends on its <see cref="OrganisationType"/>.</summary>
public enum Register
{
    /// <summary>NHS Organisation Data Service.</summary>
    Ods,
    /// <summary>Office for National Statistics geography codes, which name councils and other public areas.</summary>
    Ons,
    /// <summary>The Charity Commission for England and Wales, or the Scottish Charity Regulator.</summary>
    Charity,
    /// <summary>Companies House.</summary>
    Company,
}

public static partial class Registers
{
    /// <summary>What the identifier is called in a form and its messages.</summary>
    public static string InWords(this Register register) => register switch
    {
        Register.Ods => "ODS code",
        Register.Ons => "ONS code",
        Register.Charity => "Charity number",
        Register.Company => "Company number",
        _ => throw new ArgumentOutOfRangeException(nameof(register), register, null),
    };

    /// <summary>How an identifier is shown beside the organisation: "ONS code E06000047", "Registered charity 1234567".</summary>
    public static string Describe(this Register register, string code) => register switch
    {
        Register.Charity => $"Registered charity {code}",
        _ => $"{register.InWords()} {code}",
    };

    /// <summary>The format an identifier must have, as the message that refuses one says it.</summary>
    public static string Format(this Register register) => register switch
    {
        Register.Ods => "3 to 9 letters and numbers, like RX1 or A81001",
        Register.Ons => "E, W, S or N followed by 8 numbers, like E06000047",
        Register.Charity => "6 to 8 numbers, like 1234567 or 1234567-1 for a linked charity, or SC and 6 numbers in Scotland, like SC012345",
        Register.Company => "8 characters: 8 numbers, like 01234567, or 2 letters and 6 numbers, like SC123456",
        _ => throw new ArgumentOutOfRangeException(nameof(register), register, null),
    };

    /// <summary>
    /// ODS codes are 3 to 9 letters and digits: trusts and ICBs have 3 (RX1, QHM), sub-ICB locations 3 (00L), sites and
    /// VCSE bodies 5 (RX1AA, 8JK47), GP practices 6 (A81001). ONS codes are a country letter and 8 digits (E06000047 a
    /// unitary authority, E10000003 a county, E47000001 a combined authority). Charity numbers in England and Wales are
    /// 6 to 8 digits, a linked charity adding -1 to -99; Scottish ones are SC and 6 digits. Company numbers are 8
    /// characters, either digits or a 2-letter prefix (SC, NI, OC and others) and 6 digits.
    /// </summary>
    public static bool IsValid(this Register register, string code) => register switch
    {
        Register.Ods => OdsCode().IsMatch(code),
        Register.Ons => OnsCode().IsMatch(code),
        Register.Charity => CharityNumber().IsMatch(code),
        Register.Company => CompanyNumber().IsMatch(code),
        _ => throw new ArgumentOutOfRangeException(nameof(register), register, null),
    };

    /// <summary>Upper case, spaces removed ("sc 012345" is SC012345); null when blank.</summary>
    public static string? Normalise(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    [GeneratedRegex("^[A-Z0-9]{3,9}$")]
    private static partial Regex OdsCode();

    [GeneratedRegex("^[EWSN][0-9]{8}$")]
    private static partial Regex OnsCode();

    [GeneratedRegex("^([0-9]{6,8}(-[0-9]{1,2})?|SC[0-9]{6})$")]
    private static partial Regex CharityNumber();

    [GeneratedRegex("^([0-9]{2}|[A-Z]{2})[0-9]{6}$")]
    private static partial Regex CompanyNumber();
}
