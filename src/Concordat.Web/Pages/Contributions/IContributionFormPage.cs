namespace Concordat.Web.Pages.Contributions;

public interface IContributionFormPage
{
    ContributionForm Input { get; }
}
