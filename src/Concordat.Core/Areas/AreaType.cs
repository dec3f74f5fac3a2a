namespace Concordat.Core.Areas;

/// <summary>The kinds of ONS area Concordat keeps names for, each known by its code's first three characters.</summary>
public enum AreaType
{
    /// <summary>E12: an English region.</summary>
    Region,
    /// <summary>E40: an NHS England region.</summary>
    NhsRegion,
    /// <summary>E54: an integrated care board's area.</summary>
    IntegratedCareBoard,
    /// <summary>E38: a sub-ICB location (the former clinical commissioning group's area).</summary>
    SubIcbLocation,
    /// <summary>E10: a county council's area, upper tier only.</summary>
    County,
    /// <summary>E07: a district council's area, lower tier only.</summary>
    District,
    /// <summary>E06, W06 and S12: a unitary authority, upper and lower tier at once.</summary>
    UnitaryAuthority,
    /// <summary>E08: a metropolitan district, upper and lower tier.</summary>
    MetropolitanDistrict,
    /// <summary>E09: a London borough (or the City of London), upper and lower tier.</summary>
    LondonBorough,
    /// <summary>E47: a combined authority.</summary>
    CombinedAuthority,
}

public static class AreaTypes
{
    private static readonly Dictionary<string, AreaType> ByPrefix = new(StringComparer.Ordinal)
    {
        ["E12"] = AreaType.Region, ["E40"] = AreaType.NhsRegion, ["E54"] = AreaType.IntegratedCareBoard, ["E38"] = AreaType.SubIcbLocation,
        ["E10"] = AreaType.County, ["E07"] = AreaType.District, ["E06"] = AreaType.UnitaryAuthority, ["W06"] = AreaType.UnitaryAuthority,
        ["S12"] = AreaType.UnitaryAuthority, ["E08"] = AreaType.MetropolitanDistrict, ["E09"] = AreaType.LondonBorough, ["E47"] = AreaType.CombinedAuthority,
    };

    /// <summary>The kind of area a well-formed ONS code names, or null for kinds Concordat does not keep (output areas, wards …).</summary>
    public static AreaType? FromCode(string code) => ByPrefix.TryGetValue(code[..3], out var type) ? type : null;

    /// <summary>The entity prefixes Concordat keeps, as a refusal lists them.</summary>
    public static string KnownPrefixes => string.Join(", ", ByPrefix.Keys.Order(StringComparer.Ordinal));

    public static string InWords(this AreaType type) => type switch
    {
        AreaType.Region => "Region",
        AreaType.NhsRegion => "NHS England region",
        AreaType.IntegratedCareBoard => "Integrated care board",
        AreaType.SubIcbLocation => "Sub-ICB location",
        AreaType.County => "County (upper tier)",
        AreaType.District => "District (lower tier)",
        AreaType.UnitaryAuthority => "Unitary authority (upper and lower tier)",
        AreaType.MetropolitanDistrict => "Metropolitan district (upper and lower tier)",
        AreaType.LondonBorough => "London borough (upper and lower tier)",
        AreaType.CombinedAuthority => "Combined authority",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The kinds of area this kind lies in, nearest first: in a lookup file's row, an area's parent is the first
    /// other area of one of these kinds.
    /// </summary>
    public static IReadOnlyList<AreaType> ParentTypes(this AreaType type) => type switch
    {
        AreaType.SubIcbLocation => [AreaType.IntegratedCareBoard],
        AreaType.IntegratedCareBoard => [AreaType.NhsRegion],
        AreaType.District => [AreaType.County, AreaType.Region],
        AreaType.County or AreaType.UnitaryAuthority or AreaType.MetropolitanDistrict or AreaType.LondonBorough => [AreaType.Region],
        _ => [],
    };
}
