using System.Net;
using System.Text;
using Concordat.Web.Tests.Infrastructure;

namespace Concordat.Web.Tests.Resources;

/// <summary>The register import page: what it says about the file chosen, and where it lists the file's problems.</summary>
public abstract class ResourceImportPageTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    [Fact]
    public async Task ImportPage_SaysWhenTheChosenFileIsEmpty_AndListsEveryProblemInTheErrorSummary()
    {
        var system = await App.CreateSystemAsync();
        var form = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync($"/systems/{system.Id}/resources/import");
        const string upload = "form[enctype='multipart/form-data']";
        var organisation = new Dictionary<string, string> { ["OrganisationId"] = system.CouncilId.ToString() };

        var none = await form.SubmitFileAsync(upload, "RegisterFile", null, organisation);
        var empty = await form.SubmitFileAsync(upload, "RegisterFile", ("register.csv", []), organisation);
        var wrong = await form.SubmitFileAsync(upload, "RegisterFile", ("register.csv", Encoding.UTF8.GetBytes(
            "kind,type,name,quantity,unit,available,place,contact\nSpaceships,devices,Rocket,1,craft,1,,Someone\nWorkforce,other staff,Care navigators,six,WTE,2,,HR\n")), organisation);

        Assert.Equal(["Select a CSV file"], none.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["The selected file is empty"], empty.ErrorSummary);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["The file has 2 problems. Nothing has been imported: correct the file and upload it again.",
            "Row 2, kind: \"Spaceships\" is not a kind; use Workforce, Estates, Technology, Information, CommunityAssets, Funding",
            "Row 3, quantity: \"six\" is not a number"], wrong.ErrorSummary);
        Assert.Null(wrong.Document.QuerySelector("#problems"));
    }
}

public sealed class ResourceImportPageSqliteTests(SqliteApp app) : ResourceImportPageTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class ResourceImportPagePostgresTests(PostgresApp app) : ResourceImportPageTests(app, DatabaseKind.Postgres);
