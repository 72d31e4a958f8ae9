using System.Security.Claims;
using Inbound.Web.Accounts;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Admin.People;
using Microsoft.AspNetCore.Http.HttpResults;
using static Inbound.Web.Admin.Api.AdminApi;

namespace Inbound.Web.Admin.Api;

public sealed record CreateUserRequest(string? Email, string? Name, string? Role, string? Password, IReadOnlyList<Guid>? TeamIds, int? Capacity);
public sealed record UpdateUserRequest(string? Role, IReadOnlyList<Guid>? TeamIds, int? Capacity);
public sealed record PasswordRequest(string? Password);

internal static class PeopleApi
{
    public static void Map(RouteGroupBuilder users)
    {
        users.MapGet("", List).WithName("ListUsers").WithSummary("Every account with its role, teams, capacity and whether it is active.");
        users.MapPost("", Create).WithName("CreateUser")
            .WithSummary("Create an account with a role (Admin, Supervisor, Agent). Without a password the answer carries an invite link, shown once.");
        users.MapPut("{userId}", Update).WithName("UpdateUser").WithSummary("Change a person's role, teams and capacity.");
        users.MapPost("{userId}/invite", Invite).WithName("CreateInviteLink").WithSummary("A new link that sets the person's password (invite or reset), shown once.");
        users.MapPut("{userId}/password", SetPassword).WithName("SetPassword").WithSummary("Set the person's password; their sessions end.");
        users.MapPost("{userId}/deactivate", Deactivate).WithName("DeactivateUser")
            .WithSummary("Sign the person out everywhere, stop their tokens and return their open conversations to their teams' queues.");
        users.MapPost("{userId}/reactivate", Reactivate).WithName("ReactivateUser").WithSummary("Let a deactivated person sign in again.");
    }

    internal static async Task<Ok<IReadOnlyList<UserRow>>> List(UserAdministration users, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(ct));

    internal static async Task<Results<Created<CreatedUser>, ValidationProblem, ProblemHttpResult>> Create(
        CreateUserRequest request, ClaimsPrincipal user, PeopleAdministration people, HttpRequest http, CancellationToken ct) =>
        Created(await people.CreateAsync(Actor.From(user),
                new NewUser(request.Email ?? "", request.Name ?? "", request.Role ?? "", request.Password, request.TeamIds, request.Capacity ?? Domain.Agents.Agent.DefaultCapacity),
                AppBase(http), ct),
            created => $"/api/admin/users/{created.UserId}");

    internal static async Task<Results<Ok<UserRow>, ValidationProblem, ProblemHttpResult>> Update(
        string userId, UpdateUserRequest request, ClaimsPrincipal user, UserAdministration users, CancellationToken ct) =>
        Answer(await users.ChangeAsync(Actor.From(user), userId, request.Role, request.TeamIds, request.Capacity, ct));

    internal static async Task<Results<Ok<InviteLink>, ValidationProblem, ProblemHttpResult>> Invite(
        string userId, ClaimsPrincipal user, PeopleAdministration people, HttpRequest http, CancellationToken ct) =>
        Answer(await people.InviteLinkAsync(Actor.From(user), userId, AppBase(http), ct));

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPassword(
        string userId, PasswordRequest request, ClaimsPrincipal user, PeopleAdministration people, CancellationToken ct) =>
        NoContent(await people.SetPasswordAsync(Actor.From(user), userId, request.Password ?? "", ct));

    internal static async Task<Results<Ok<Deactivation>, ValidationProblem, ProblemHttpResult>> Deactivate(
        string userId, ClaimsPrincipal user, PeopleAdministration people, CancellationToken ct) =>
        Answer(await people.DeactivateAsync(Actor.From(user), userId, ct));

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Reactivate(
        string userId, ClaimsPrincipal user, PeopleAdministration people, CancellationToken ct) =>
        NoContent(await people.ReactivateAsync(Actor.From(user), userId, ct));

    private static Uri AppBase(HttpRequest http) => new($"{http.Scheme}://{http.Host}{http.PathBase}/");
}
