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
        _ => $"{entry.EntityName}: {entry.Action}",
    };
}
