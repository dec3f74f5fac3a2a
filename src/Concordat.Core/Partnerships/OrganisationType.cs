namespace Concordat.Core.Partnerships;

/// <summary>The kinds of partner an integrated care system brings together.</summary>
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
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
