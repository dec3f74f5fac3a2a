namespace Concordat.Web.Pages.People;

public static class InvitationLinks
{
    public static string For(HttpRequest request, string secret) => $"{request.Scheme}://{request.Host}/invitation/{secret}";
}
