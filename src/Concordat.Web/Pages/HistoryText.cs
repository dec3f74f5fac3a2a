using Concordat.Core.History;

namespace Concordat.Web.Pages;

public static class HistoryText
{
    public static string Describe(HistoryEntry entry) => entry.Action switch
    {
        "OrganisationAdded" => $"{entry.EntityName} added as a partner",
        "OrganisationUpdated" => $"{entry.EntityName} details changed",
        "PersonAdded" => $"{entry.EntityName} added",
        "PersonReinvited" => $"{entry.EntityName} sent a new invitation link",
        "InvitationAccepted" => $"{entry.EntityName} set their password",
        "GoalDrafted" => $"{entry.EntityName} drafted",
        "GoalUpdated" => $"{entry.EntityName} draft changed",
        "AgreementRoundOpened" => $"Agreement round opened on {entry.EntityName}",
        "PositionRecorded" => $"Position recorded on {entry.EntityName}",
        "ProposalAmended" => $"Proposal for {entry.EntityName} amended",
        "AgreementRoundAgreed" => $"{entry.EntityName} agreed by all partners asked",
        "AgreementRoundNotAgreed" => $"{entry.EntityName} not agreed by the closing date",
        "AgreementRoundWithdrawn" => $"Proposal for {entry.EntityName} withdrawn",
        "PerspectiveRecorded" => $"Perspective on {entry.EntityName} recorded",
        "ContributionCommitted" => $"Contribution committed ({entry.EntityName})",
        "ContributionChanged" => $"Proposed contribution changed ({entry.EntityName})",
        "ContributionAgreed" => $"Contribution agreed ({entry.EntityName})",
        "ContributionVaried" => $"Contribution varied ({entry.EntityName})",
        "ContributionWithdrawn" => $"Contribution withdrawn ({entry.EntityName})",
        "CheckInPosted" => $"Check-in posted ({entry.EntityName})",
        "CheckInAcknowledged" => $"Check-in acknowledged ({entry.EntityName})",
        "MeasureDefined" => $"{entry.EntityName} defined",
        "ObservationAdded" => $"Value added to {entry.EntityName}",
        "ObservationCorrected" => $"Value corrected in {entry.EntityName}",
        "ObservationsImported" => $"Data imported into {entry.EntityName}",
        "MeasureChanged" => $"{entry.EntityName} changed",
        "MeasureRebased" => $"Limits of {entry.EntityName} recalculated",
        "MeasureRebaseRemoved" => $"Recalculation of {entry.EntityName} removed",
        "ResourceRegistered" => $"{entry.EntityName} added to the resource register",
        "ResourceChanged" => $"{entry.EntityName} changed",
        "ResourceRemoved" => $"{entry.EntityName} removed from the resource register",
        "ResourceCommitted" => $"Part of {entry.EntityName} committed to a goal",
        "ResourceOverCommitted" => $"{entry.EntityName} committed beyond its capacity",
        "ResourceReleased" => $"Commitment of {entry.EntityName} released",
        "GoalNeedAdded" => $"Need added to {entry.EntityName}",
        "GoalNeedRemoved" => $"Need removed from {entry.EntityName}",
        "PooledFundCreated" => $"{entry.EntityName} set up",
        "PooledFundContributionSet" => $"Payment into {entry.EntityName} set",
        "PooledFundSchemeAdded" => $"Scheme added to {entry.EntityName}",
        "PooledFundSchemeRemoved" => $"Scheme removed from {entry.EntityName}",
        "MeasureLinkedToGoal" => $"Measure linked to {entry.EntityName}",
        _ => $"{entry.EntityName}: {entry.Action}",
    };
}
