namespace Inbound.Web.Admin.Replies;

public enum CannedResponseScope
{
    Workspace,
    Team,
    Personal,
}

/// <summary>
/// A reply an agent inserts by typing <c>/shortcut</c>: for everyone, for one team's members, or for its owner only.
/// Its text may hold <c>{{contact.name}}</c>-style variables, filled when inserted.
/// </summary>
public sealed class CannedResponse
{
    private CannedResponse() { Shortcut = Text = ""; }

    public CannedResponse(string shortcut, string text, CannedResponseScope scope, Guid? teamId, Guid? ownerAgentId)
    {
        Shortcut = shortcut;
        Text = text;
        Scope = scope;
        TeamId = teamId;
        OwnerAgentId = ownerAgentId;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string Shortcut { get; set; }
    public string Text { get; set; }
    public CannedResponseScope Scope { get; private set; }
    public Guid? TeamId { get; private set; }
    public Guid? OwnerAgentId { get; private set; }
}
