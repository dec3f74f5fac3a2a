using System.Net;
using Concordat.Web.Tests.Api;
using Concordat.Web.Tests.Goals;
using Concordat.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concordat.Web.Tests.Platform;

/// <summary>
/// Each kind of form with a date: the day, month and year boxes post through to what is saved, and a date that cannot be
/// read is refused with its error in the summary (linking to the wrong box) and beside the field, the boxes as typed,
/// and nothing saved.
/// </summary>
public abstract class DateInputPagesTests(TestApp app, DatabaseKind kind) : ProviderTests(app, kind)
{
    private static readonly int NextYear = DateTime.UtcNow.Year + 1;

    [Fact]
    public async Task AGoalsHorizon()
    {
        var system = await App.CreateSystemAsync();
        var form = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/goals/new");
        var fields = new Dictionary<string, object?>
        {
            ["Input.Title"] = "Fewer falls in care homes", ["Input.OutcomeStatement"] = "By 2028, 20% fewer falls in care homes.",
            ["Input.Population"] = "Care home residents", ["Input.WholeSystem"] = "true", ["Input.SeniorResponsibleOwner"] = "Tom Richards",
        };

        await RefusedAsync(form, "main form", fields, "Input.Horizon", ("31", "2", "2028"), "Horizon must be a real date", "day");
        await using (var before = App.Database(system.Id))
        {
            Assert.Empty(await before.Db.Goals.ToListAsync(Ct));
        }
        var saved = await form.SubmitAsync("main form", new(fields) { ["Input.Horizon"] = new DateOnly(2028, 2, 29) });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var after = App.Database(system.Id);
        Assert.Equal(new DateOnly(2028, 2, 29), (await after.Db.Goals.SingleAsync(Ct)).Horizon);
    }

    [Fact]
    public async Task AnAgreementRoundsClosingDate()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var form = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/goals/{goalId}/rounds/new");
        var year = NextYear.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await RefusedAsync(form, "main form", [], "Input.ClosesOn", ("31", "", year), "Closing date must include a month", "month");
        await using (var before = App.Database(system.Id))
        {
            Assert.Empty(await before.Db.AgreementRounds.ToListAsync(Ct));
        }
        var saved = await form.SubmitAsync("main form", new() { ["Input.ClosesOn"] = new DateOnly(NextYear, 1, 31) });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var after = App.Database(system.Id);
        Assert.Equal(new DateOnly(NextYear, 1, 31), (await after.Db.AgreementRounds.SingleAsync(Ct)).ClosesOn);
    }

    [Fact]
    public async Task AContributionsDueDate()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var form = await (await PageClient.SignedInAsync(App, system.CouncilLead)).GetAsync($"/systems/{system.Id}/goals/{goalId}/contributions/new");
        var fields = new Dictionary<string, object?> { ["Input.Commitment"] = "Reablement within 24 hours", ["Input.AccountablePerson"] = "Cath Council" };

        await RefusedAsync(form, "main form", fields, "Input.DueOn", ("30", "9", "27"), "Due date must have a year with 4 numbers", "year");
        await using (var before = App.Database(system.Id))
        {
            Assert.Empty(await before.Db.Contributions.ToListAsync(Ct));
        }
        var saved = await form.SubmitAsync("main form", new(fields) { ["Input.DueOn"] = new DateOnly(NextYear, 9, 30) });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var after = App.Database(system.Id);
        Assert.Equal(new DateOnly(NextYear, 9, 30), (await after.Db.Contributions.SingleAsync(Ct)).DueOn);
    }

    [Fact]
    public async Task AMeasuresPeriod()
    {
        var system = await App.CreateSystemAsync();
        var lead = await PageClient.SignedInAsync(App, system.TrustLead);
        var defined = await (await lead.GetAsync($"/systems/{system.Id}/measures/new")).SubmitAsync("main form", new()
        {
            ["Input.Name"] = "Emergency admissions aged 75+", ["Input.Definition"] = "Emergency admissions of residents aged 75 and over",
            ["Input.Unit"] = "admissions", ["Input.Frequency"] = "Monthly", ["Input.Improvement"] = "Decrease", ["Input.Target"] = "900",
        });
        var form = await lead.GetAsync(defined.Location + "/record");

        await RefusedAsync(form, "main form", new() { ["Input.Value"] = "960" }, "Input.PeriodStart", ("1", "13", "2025"),
            "Start of the period must be a real date", "month");
        await using (var before = App.Database(system.Id))
        {
            Assert.Empty(await before.Db.Observations.ToListAsync(Ct));
        }
        var saved = await form.SubmitAsync("main form", new() { ["Input.PeriodStart"] = new DateOnly(2025, 3, 1), ["Input.Value"] = "960" });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var after = App.Database(system.Id);
        Assert.Equal(new DateOnly(2025, 3, 1), (await after.Db.Observations.SingleAsync(Ct)).PeriodStart);
    }

    [Fact]
    public async Task ADelegationsLastDay()
    {
        var system = await App.CreateSystemAsync();
        var form = await (await PageClient.SignedInAsync(App, system.TrustLead)).GetAsync($"/systems/{system.Id}/organisations/{system.TrustId}");
        var fields = new Dictionary<string, object?> { ["Delegate.Capability"] = "MeasureData", ["Delegate.PersonId"] = system.Convenor.Id.ToString() };
        const string Selector = "form[action*='handler=Delegate']";

        await RefusedAsync(form, Selector, fields, "Delegate.Until", ("", "", "next year"), "Last day must include a day and month", "day");
        await using (var before = App.Database(system.Id))
        {
            Assert.Empty(await before.Db.Delegations.ToListAsync(Ct));
        }
        var saved = await form.SubmitAsync(Selector, new(fields) { ["Delegate.Until"] = new DateOnly(NextYear, 3, 31) });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var after = App.Database(system.Id);
        Assert.Equal(new DateOnly(NextYear, 3, 31), (await after.Db.Delegations.SingleAsync(Ct)).Until);
    }

    [Fact]
    public async Task AGoalNeedsPeriod()
    {
        var system = await App.CreateSystemAsync();
        var goalId = await GoalApi.DraftAsync(await ApiClient.ForAsync(App, system.Convenor), system);
        var form = await (await PageClient.SignedInAsync(App, system.Convenor)).GetAsync($"/systems/{system.Id}/goals/{goalId}/needs");
        var fields = new Dictionary<string, object?>
        {
            ["Input.Type"] = "RegisteredNursing", ["Input.Description"] = "Nurses for the frailty hubs", ["Input.Quantity"] = "10", ["Input.Unit"] = "WTE",
            ["Input.StartsOn"] = new DateOnly(NextYear, 1, 1),
        };

        await RefusedAsync(form, "main form", fields, "Input.EndsOn", ("31", "April", $"{NextYear}"), "End date must be a real date", "day");
        await using (var before = App.Database(system.Id))
        {
            Assert.Empty(await before.Db.GoalNeeds.ToListAsync(Ct));
        }
        var saved = await form.SubmitAsync("main form", new(fields) { ["Input.EndsOn"] = new DateOnly(NextYear, 4, 30) });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var after = App.Database(system.Id);
        var need = await after.Db.GoalNeeds.SingleAsync(Ct);
        Assert.Equal((new DateOnly(NextYear, 1, 1), new DateOnly(NextYear, 4, 30)), (need.StartsOn, need.EndsOn));
    }

    /// <summary>
    /// Types <paramref name="typed"/> in the boxes of <paramref name="field"/> and checks the form comes back refused:
    /// 400, the message in the summary linking to <paramref name="wrongBox"/>, the same message beside the field, and the
    /// boxes as they were typed.
    /// </summary>
    private static async Task RefusedAsync(PageResponse form, string selector, Dictionary<string, object?> fields, string field,
        (string Day, string Month, string Year) typed, string message, string wrongBox)
    {
        var values = new Dictionary<string, object?>(fields);
        foreach (var (name, value) in PageResponse.DateBoxes(field, typed.Day, typed.Month, typed.Year))
        {
            values[name] = value;
        }

        var refused = await form.SubmitAsync(selector, values);

        var id = field.Replace('.', '_');
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var link = Assert.Single(refused.Document.QuerySelectorAll(".nhsuk-error-summary a"), a => a.TextContent == message);
        Assert.Equal($"#{id}-{wrongBox}", link.GetAttribute("href"));
        Assert.NotNull(refused.Document.GetElementById($"{id}-{wrongBox}"));
        Assert.Equal($"Error: {message}", refused.Text($"#{id}-error"));
        Assert.Equal([typed.Day, typed.Month, typed.Year], refused.Document.QuerySelectorAll($"#{id} input").Select(i => i.GetAttribute("value") ?? ""));
        Assert.Contains($"{id}-{wrongBox}", refused.Document.QuerySelectorAll($"#{id} input.nhsuk-input--error").Select(i => i.Id));
    }
}

public sealed class DateInputPagesSqliteTests(SqliteApp app) : DateInputPagesTests(app, DatabaseKind.Sqlite);

[Collection(PostgresApp.Collection)]
public sealed class DateInputPagesPostgresTests(PostgresApp app) : DateInputPagesTests(app, DatabaseKind.Postgres);
