using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Channels;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.SeedWork;
using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Accounts;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Data;

/// <remarks>Not sealed: PostgreSQL's migrations belong to <see cref="PostgreSql.PostgreSqlInboundDbContext"/>, the same model on the other provider.</remarks>
public class InboundDbContext(DbContextOptions<InboundDbContext> options) : IdentityDbContext<InboundUser>(options)
{
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactIdentity> ContactIdentities => Set<ContactIdentity>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Workflow> Workflows => Set<Workflow>();
    public DbSet<WorkflowVersion> WorkflowVersions => Set<WorkflowVersion>();
    public DbSet<WorkflowRun> WorkflowRuns => Set<WorkflowRun>();
    public DbSet<QueuedConversation> TeamQueue => Set<QueuedConversation>();
    public DbSet<Admin.Audit.AuditEntry> AuditEntries => Set<Admin.Audit.AuditEntry>();
    public DbSet<Admin.Replies.CannedResponse> CannedResponses => Set<Admin.Replies.CannedResponse>();
    public DbSet<Admin.Replies.ClosingCategory> ClosingCategories => Set<Admin.Replies.ClosingCategory>();
    public DbSet<ContactFieldDefinition> ContactFieldDefinitions => Set<ContactFieldDefinition>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Ignore<IDomainEvent>();
        builder.ApplyConfigurationsFromAssembly(typeof(InboundDbContext).Assembly);
    }

    /// <summary>Takes the domain events raised by tracked entities, to be published once the change is committed.</summary>
    public List<IDomainEvent> TakeDomainEvents()
    {
        var entities = ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
        var events = entities.SelectMany(e => e.DomainEvents).ToList();
        foreach (var entity in entities) entity.ClearDomainEvents();
        return events;
    }
}
