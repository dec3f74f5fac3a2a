using System.Net;
using Concordat.Core.Partnerships;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Partnerships;

public abstract class SystemChoiceTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task PersonInTwoSystems_ChoosesBetweenThem()
    {
        var first = await App.CreateSystemAsync();
        var second = await App.CreateSystemAsync();
        await using (var scope = App.Database(second.Id))
        {
            scope.Db.Memberships.Add(new Membership { SystemId = second.Id, PersonId = first.TrustLead.Id, OrganisationId = second.TrustId, Role = Role.Viewer });
            await scope.Db.SaveChangesAsync(Ct);
        }
        var client = await PageClient.SignedInAsync(App, first.TrustLead);

        var chooser = await client.GetAsync("/systems");
        var secondHome = await client.GetAsync($"/systems/{second.Id}");

        Assert.Equal(HttpStatusCode.OK, chooser.Status);
        var names = chooser.Document.QuerySelectorAll("main h2 a").Select(a => a.TextContent).Order().ToList();
        Assert.Equal(new[] { first.Name, second.Name }.Order(), names);
        Assert.Contains("Viewer, Westford Hospitals NHS Trust", chooser.Html);
        Assert.Equal(HttpStatusCode.OK, secondHome.Status);
        Assert.Contains("Viewer for Westford Hospitals NHS Trust", secondHome.Text(".nhsuk-lede-text"));
    }

    [Fact]
    public async Task Administrator_EntersAnySystemAndManagesPartners()
    {
        var system = await App.CreateSystemAsync();
        await using (var scope = App.Database())
        {
            var person = await scope.Db.Users.SingleAsync(p => p.Id == system.Viewer.Id, Ct);
            person.IsAdministrator = true;
            await scope.Db.Memberships.IgnoreQueryFilters().Where(m => m.PersonId == person.Id).ExecuteDeleteAsync(Ct);
            await scope.Db.SaveChangesAsync(Ct);
        }
        var client = await PageClient.SignedInAsync(App, system.Viewer);

        var form = await client.GetAsync($"/systems/{system.Id}/organisations/new");

        Assert.Equal(HttpStatusCode.OK, form.Status);
    }
}

public sealed class SystemChoiceSqliteTests(SqliteApp app) : SystemChoiceTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class SystemChoicePostgresTests(PostgresApp app) : SystemChoiceTests(app, DatabaseKind.Postgres);
