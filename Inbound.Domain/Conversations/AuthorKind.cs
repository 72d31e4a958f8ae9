namespace Inbound.Domain.Conversations;

public enum AuthorKind
{
    Contact,
    Agent,
    Workflow,
    System,
}
