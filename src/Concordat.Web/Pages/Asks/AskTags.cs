using Concordat.Core.Asks;

namespace Concordat.Web.Pages.Asks;

/// <summary>The NHS.UK tag colour for an ask's status and for its conditions, the same on every page that shows them.</summary>
public static class AskTags
{
    /// <summary>Grey while the system's own, blue and purple while with the body, then the decision's colour.</summary>
    public static string Colour(this AskStatus status) => status switch
    {
        AskStatus.Draft => "grey",
        AskStatus.AgreedLocally => "aqua-green",
        AskStatus.Submitted => "blue",
        AskStatus.InDiscussion => "purple",
        AskStatus.Agreed or AskStatus.Implemented => "green",
        AskStatus.PartlyAgreed => "yellow",
        AskStatus.Declined => "red",
        AskStatus.ImpactReviewed => "white",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Colour(this ConditionStatus status) => status switch
    {
        ConditionStatus.NotAssessed => "grey",
        ConditionStatus.BeingMet => "green",
        ConditionStatus.AtRisk => "orange",
        ConditionStatus.NotBeingMet => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Colour(this Concordat.Core.Goals.PositionKind kind) => kind switch
    {
        Concordat.Core.Goals.PositionKind.Object => "red",
        Concordat.Core.Goals.PositionKind.ConsentWithConcerns => "orange",
        Concordat.Core.Goals.PositionKind.StandAside => "white",
        _ => "green",
    };
}
