using Inbound.Web.Accounts;

namespace Inbound.Web.Admin.People;

/// <summary>A row of the users page while an admin edits it: saved only when they press Save.</summary>
public sealed class EditableUser(UserRow row)
{
    public string UserId { get; } = row.UserId;
    public string Name { get; } = row.Name;
    public string Email { get; } = row.Email;
    public Guid? AgentId { get; } = row.AgentId;
    public bool Active { get; set; } = row.Active;
    public string Role { get; set; } = row.Role;
    public IReadOnlyCollection<Guid> Teams { get; set; } = row.TeamIds.ToHashSet();
    public int Capacity { get; set; } = Math.Max(1, row.Capacity);
}
