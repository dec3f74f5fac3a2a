namespace Concordat.Core.Resources;

/// <summary>
/// What a resource is within its kind: for workforce the NHS staff group (or the social care workforce), for estates
/// the kind of space, for funding revenue, capital or pooled money. A goal's need is met only by committed resources of
/// a type it names, so therapists never count towards a need for nurses.
/// </summary>
public enum ResourceType
{
    RegisteredNursing,
    Midwifery,
    AlliedHealthProfessionals,
    Doctors,
    GeneralPractice,
    Pharmacy,
    HealthcareSupportWorkers,
    SocialWorkers,
    SocialCareWorkers,
    OtherStaff,
    ClinicalSpace,
    OfficeSpace,
    CommunitySpace,
    Beds,
    OtherEstates,
    SoftwareLicences,
    Devices,
    DigitalPlatforms,
    OtherTechnology,
    DataSets,
    AnalysisAndReporting,
    OtherInformation,
    Volunteers,
    Venues,
    CommunityServices,
    OtherCommunityAssets,
    Revenue,
    Capital,
    PooledFunding,
}

public static class ResourceTypes
{
    private static readonly Dictionary<ResourceType, (ResourceKind Kind, string Words)> Table = new()
    {
        [ResourceType.RegisteredNursing] = (ResourceKind.Workforce, "registered nursing"),
        [ResourceType.Midwifery] = (ResourceKind.Workforce, "midwifery"),
        [ResourceType.AlliedHealthProfessionals] = (ResourceKind.Workforce, "allied health professionals, such as therapists"),
        [ResourceType.Doctors] = (ResourceKind.Workforce, "doctors"),
        [ResourceType.GeneralPractice] = (ResourceKind.Workforce, "general practice"),
        [ResourceType.Pharmacy] = (ResourceKind.Workforce, "pharmacy"),
        [ResourceType.HealthcareSupportWorkers] = (ResourceKind.Workforce, "healthcare support workers"),
        [ResourceType.SocialWorkers] = (ResourceKind.Workforce, "social workers"),
        [ResourceType.SocialCareWorkers] = (ResourceKind.Workforce, "social care workers"),
        [ResourceType.OtherStaff] = (ResourceKind.Workforce, "other staff"),
        [ResourceType.ClinicalSpace] = (ResourceKind.Estates, "clinical space"),
        [ResourceType.OfficeSpace] = (ResourceKind.Estates, "office space"),
        [ResourceType.CommunitySpace] = (ResourceKind.Estates, "community space"),
        [ResourceType.Beds] = (ResourceKind.Estates, "beds"),
        [ResourceType.OtherEstates] = (ResourceKind.Estates, "other estates"),
        [ResourceType.SoftwareLicences] = (ResourceKind.Technology, "software licences"),
        [ResourceType.Devices] = (ResourceKind.Technology, "devices"),
        [ResourceType.DigitalPlatforms] = (ResourceKind.Technology, "digital platforms"),
        [ResourceType.OtherTechnology] = (ResourceKind.Technology, "other technology"),
        [ResourceType.DataSets] = (ResourceKind.Information, "data sets"),
        [ResourceType.AnalysisAndReporting] = (ResourceKind.Information, "analysis and reporting"),
        [ResourceType.OtherInformation] = (ResourceKind.Information, "other information"),
        [ResourceType.Volunteers] = (ResourceKind.CommunityAssets, "volunteers"),
        [ResourceType.Venues] = (ResourceKind.CommunityAssets, "venues"),
        [ResourceType.CommunityServices] = (ResourceKind.CommunityAssets, "community services"),
        [ResourceType.OtherCommunityAssets] = (ResourceKind.CommunityAssets, "other community assets"),
        [ResourceType.Revenue] = (ResourceKind.Funding, "revenue"),
        [ResourceType.Capital] = (ResourceKind.Funding, "capital"),
        [ResourceType.PooledFunding] = (ResourceKind.Funding, "pooled funding"),
    };

    public static ResourceKind KindOf(this ResourceType type) => Table[type].Kind;

    /// <summary>Lower case, for use inside a sentence: "registered nursing".</summary>
    public static string InWords(this ResourceType type) => Table[type].Words;

    public static IEnumerable<ResourceType> Of(ResourceKind kind) => Enum.GetValues<ResourceType>().Where(t => t.KindOf() == kind);
}
