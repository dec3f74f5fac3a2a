namespace Concordat.Core.Resources;

/// <summary>The words people read for the kinds of resource and of pooled fund.</summary>
public static class ResourceWords
{
    public static string InWords(this CommitmentStatus status) => status switch
    {
        CommitmentStatus.Requested => "Requested",
        CommitmentStatus.Accepted => "Committed",
        CommitmentStatus.Declined => "Declined",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string InWords(this ResourceKind kind) => kind switch
    {
        ResourceKind.Workforce => "Workforce",
        ResourceKind.Estates => "Estates",
        ResourceKind.Technology => "Technology",
        ResourceKind.Information => "Information",
        ResourceKind.CommunityAssets => "Community assets",
        ResourceKind.Funding => "Funding",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string InWords(this PooledFundType type) => type switch
    {
        PooledFundType.BetterCareFund => "Better Care Fund",
        PooledFundType.Section75 => "Section 75 pooled budget",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
