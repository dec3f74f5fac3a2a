namespace Concordat.Web.Infrastructure;

public static class ApiPaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api/v1");
}
