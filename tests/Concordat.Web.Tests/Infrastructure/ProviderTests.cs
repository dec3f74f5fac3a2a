namespace Concordat.Web.Tests.Infrastructure;

/// <summary>Base of a test class that runs once per database provider.</summary>
public abstract class ProviderTests(TestApp app, DatabaseKind kind)
{
    protected TestApp App { get; } = Start(app, kind);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestApp Start(TestApp app, DatabaseKind kind)
    {
        Assert.SkipWhen(kind == DatabaseKind.Postgres && Environment.GetEnvironmentVariable(TestApp.PostgresVariable) is null,
            $"{TestApp.PostgresVariable} is not set; scripts/test.sh starts a PostgreSQL server and sets it.");
        return app;
    }
}
