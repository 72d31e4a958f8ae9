namespace Inbound.Web.Admin.People;

/// <summary>An invite: the link that lets the person set their password. It is shown once and cannot be read back.</summary>
public sealed record InviteLink(string UserId, string Url);

public sealed record NewUser(string Email, string Name, string Role, string? Password, IReadOnlyList<Guid>? TeamIds = null, int Capacity = Domain.Agents.Agent.DefaultCapacity);

/// <summary>A created account: the invite link when no password was given, else null.</summary>
public sealed record CreatedUser(string UserId, Guid AgentId, string? InviteUrl);

/// <summary>What deactivating someone did: their open conversations that went back to their teams' queues.</summary>
public sealed record Deactivation(int ReturnedToQueue, int LeftWithoutTeam);
