namespace Concordat.Core.Partnerships;

/// <summary>The kinds of organisation an integrated care system brings together, or names from outside it.</summary>
public enum OrganisationType
{
    IntegratedCareBoard,
    NhsTrust,
    PrimaryCare,
    LocalAuthority,
    Vcse,
    SocialEnterprise,
    Hospice,
    Healthwatch,
    NationalBody,
    CombinedAuthority,
    DistrictCouncil,
    Education,
    Housing,
    PoliceAndFire,
    OtherPublicBody,
}

public static class OrganisationTypeNames
{
    public static string InWords(this OrganisationType type) => type switch
    {
        OrganisationType.IntegratedCareBoard => "Integrated care board (commissioner)",
        OrganisationType.NhsTrust => "NHS trust",
        OrganisationType.PrimaryCare => "Primary care (GP federation or PCN)",
        OrganisationType.LocalAuthority => "Local authority",
        OrganisationType.Vcse => "Voluntary, community and social enterprise (VCSE)",
        OrganisationType.SocialEnterprise => "Social enterprise",
        OrganisationType.Hospice => "Hospice",
        OrganisationType.Healthwatch => "Healthwatch",
        OrganisationType.NationalBody => "National body",
        OrganisationType.CombinedAuthority => "Combined authority",
        OrganisationType.DistrictCouncil => "District council",
        OrganisationType.Education => "Education (school, college or university)",
        OrganisationType.Housing => "Housing",
        OrganisationType.PoliceAndFire => "Police and fire",
        OrganisationType.OtherPublicBody => "Other public body",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The registers whose identifier an organisation of this type may carry. NHS bodies and the providers the NHS
    /// commissions have ODS codes; councils, combined authorities and police and fire areas have ONS codes; charities
    /// and companies have their regulator's number. Councils are not given ODS codes here: their ONS code names them.
    /// </summary>
    public static IReadOnlyList<Register> Registers(this OrganisationType type) => type switch
    {
        OrganisationType.IntegratedCareBoard or OrganisationType.NhsTrust or OrganisationType.NationalBody => [Register.Ods],
        OrganisationType.PrimaryCare or OrganisationType.SocialEnterprise => [Register.Ods, Register.Company],
        OrganisationType.Vcse or OrganisationType.Hospice => [Register.Ods, Register.Charity, Register.Company],
        OrganisationType.LocalAuthority or OrganisationType.CombinedAuthority or OrganisationType.DistrictCouncil or OrganisationType.PoliceAndFire => [Register.Ons],
        OrganisationType.Healthwatch or OrganisationType.Education or OrganisationType.Housing => [Register.Charity, Register.Company],
        OrganisationType.OtherPublicBody => [Register.Ods, Register.Company],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
