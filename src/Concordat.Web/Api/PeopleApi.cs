using Concordat.Core.Access;
using Concordat.Core.Partnerships;
using Concordat.Core.People;
using Concordat.Web.Infrastructure;
using Concordat.Web.Pages.People;

namespace Concordat.Web.Api;

/// <summary>One role a person has in the system; a person acting for two organisations has two.</summary>
public sealed record PersonRoleResponse(Guid Id, Guid PersonId, string Name, string Email, Guid OrganisationId, string Organisation, Role Role,
    bool Invited);

public sealed record AddPersonRequest(string? Email, string? DisplayName, Guid? OrganisationId, Role? Role);

/// <summary>
/// A role just given (<c>Id</c>), and to whom. <c>InvitationLink</c> is present, once, when they have no password yet: it is the only
/// way they can set one, so pass it to them privately.
/// </summary>
public sealed record PersonAddedResponse(Guid Id, Guid PersonId, string? InvitationLink);

public sealed record ChangeRoleRequest(Role? Role);

public sealed record InvitationLinkResponse(string InvitationLink);

public sealed record AccountResponse(Guid PersonId, string Name, string Email, bool HasPassword, bool Deactivated, bool Administrator, bool TwoStepOn);

public static class PeopleApi
{
    /// <summary>The people of one system and their roles, decided by each organisation's leads (the convenor role by convenors).</summary>
    public static void MapPeopleApi(this RouteGroupBuilder group)
    {
        group.MapGet("/roles", async ([AsParameters] PageQuery page, Guid? organisationId, Guid? personId, HttpContext context, PeopleService people,
                CancellationToken ct) =>
                TypedResults.Ok(page.Of(context, await people.ListAsync(organisationId, ct, personId), ToResponse)))
            .WithSummary("Everyone with a role in the system, one entry per role (optionally for one organisation or one person)");

        group.MapGet("/roles/{id:guid}", async (Guid id, PeopleService people, CancellationToken ct) =>
                TypedResults.Ok(ToResponse((await people.ListAsync(null, ct, membershipId: id)).SingleOrDefault()
                    ?? throw new NotFoundException("There is no such role in this system."))))
            .WithName("GetRole")
            .WithSummary("One role: who has it, for which organisation");

        group.MapPost("/roles", async (Guid systemId, AddPersonRequest request, HttpContext context, PeopleService people, CancellationToken ct) =>
            {
                var added = await people.AddAsync(new AddPerson(request.Email, request.DisplayName, request.OrganisationId, request.Role), context.Actor(), ct);
                var link = added.InvitationSecret is { } secret ? InvitationLinks.For(context.Request, secret) : null;
                return TypedResults.CreatedAtRoute(new PersonAddedResponse(added.MembershipId, added.PersonId, link), "GetRole",
                    new { systemId, id = added.MembershipId });
            })
            .WithSummary("Give someone a role for an organisation, creating their account if it is new (that organisation's leads; convenors for the convenor role and a new partner's first lead)");

        group.MapPut("/roles/{id:guid}", async (Guid id, ChangeRoleRequest request, HttpContext context, PeopleService people, CancellationToken ct) =>
            {
                await people.ChangeRoleAsync(id, request.Role, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change one role (the organisation's leads; convenors for the convenor role); the person's sessions end");

        group.MapDelete("/people/{personId:guid}", async (Guid personId, HttpContext context, PeopleService people, CancellationToken ct) =>
            {
                await people.RemoveAsync(personId, context.Actor(), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Take every role the person has in the system away (needs the say of every organisation they act for); their history stays");

        group.MapPost("/people/{personId:guid}/invitation", async (Guid personId, HttpContext context, PeopleService people, CancellationToken ct) =>
                TypedResults.Ok(new InvitationLinkResponse(InvitationLinks.For(context.Request, await people.ReinviteAsync(personId, context.Actor(), ct)))))
            .WithSummary("A new invitation link for someone who has not set a password yet; the old link stops working");
    }

    /// <summary>An account as a whole, in every system at once: administrators only.</summary>
    public static void MapAccountsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/people/{personId:guid}/account", async (Guid personId, HttpContext context, AccountService accounts, CancellationToken ct) =>
            {
                var a = await accounts.SummaryAsync(personId, await accounts.ActorAsync(context.User.PersonId(), ct), ct);
                return TypedResults.Ok(new AccountResponse(a.PersonId, a.DisplayName, a.Email, a.HasPassword, a.IsDeactivated, a.IsAdministrator, a.TwoStepOn));
            })
            .WithSummary("Someone's account: whether it has a password and is deactivated (administrators)")
            .Administrative();

        group.MapPost("/people/{personId:guid}/account/end-sessions", (Guid personId, HttpContext context, AccountService accounts, CancellationToken ct) =>
                ActAsync(context, accounts, (actor, c) => accounts.EndSessionsAsync(personId, actor, c), ct))
            .WithSummary("End every session of the person: their cookies stop working at the next request (administrators)")
            .Administrative();

        group.MapPost("/people/{personId:guid}/account/deactivate", (Guid personId, HttpContext context, AccountService accounts, CancellationToken ct) =>
                ActAsync(context, accounts, (actor, c) => accounts.DeactivateAsync(personId, actor, c), ct))
            .WithSummary("The person can no longer sign in or use tokens, in any system; their history stays (administrators)")
            .Administrative();

        group.MapPost("/people/{personId:guid}/account/reactivate", (Guid personId, HttpContext context, AccountService accounts, CancellationToken ct) =>
                ActAsync(context, accounts, (actor, c) => accounts.ReactivateAsync(personId, actor, c), ct))
            .WithSummary("Let a deactivated person sign in again (administrators)")
            .Administrative();

        group.MapPost("/people/{personId:guid}/account/reset-two-step", (Guid personId, HttpContext context, AccountService accounts, TwoStepVerification twoStep,
                CancellationToken ct) =>
                ActAsync(context, accounts, (actor, c) => twoStep.ResetAsync(personId, actor, c), ct))
            .WithSummary("Turn off someone's two-step verification when they have lost their phone and recovery codes; their sessions end (administrators)")
            .Administrative();

        group.MapPost("/people/{personId:guid}/account/reset-link", async (Guid personId, HttpContext context, AccountService accounts, CancellationToken ct) =>
            {
                var secret = await accounts.CreateResetLinkAsync(personId, await accounts.ActorAsync(context.User.PersonId(), ct), ct);
                return TypedResults.Ok(new InvitationLinkResponse(InvitationLinks.For(context.Request, secret)));
            })
            .WithSummary("A single-use link to set a new password; the old password stops working and every session ends (administrators)")
            .Administrative();
    }

    private static async Task<IResult> ActAsync(HttpContext context, AccountService accounts, Func<AccountActor, CancellationToken, Task> act, CancellationToken ct)
    {
        await act(await accounts.ActorAsync(context.User.PersonId(), ct), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Outside any system, so the standard answers are not declared for it: an administrator's operation may also be refused or not find the person.</summary>
    private static RouteHandlerBuilder Administrative(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

    private static PersonRoleResponse ToResponse(PersonInSystem p) =>
        new(p.MembershipId, p.PersonId, p.DisplayName, p.Email, p.OrganisationId, p.OrganisationName, p.Role, !p.HasPassword);
}
