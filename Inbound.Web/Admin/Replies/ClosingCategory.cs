namespace Inbound.Web.Admin.Replies;

/// <summary>
/// A reason a conversation was closed (Resolved, Spam…). One that closed conversations is retired rather than
/// deleted, so those conversations keep a category that still exists.
/// </summary>
public sealed class ClosingCategory
{
    private ClosingCategory() { Name = ""; }

    public ClosingCategory(string name, int order)
    {
        Name = name;
        Order = order;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public string Name { get; set; }
    public int Order { get; set; }
    public DateTime? RetiredAt { get; set; }
    public bool IsActive => RetiredAt is null;
}
