using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Inbound.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class QueuedConversationConfiguration : IEntityTypeConfiguration<QueuedConversation>
{
    public void Configure(EntityTypeBuilder<QueuedConversation> builder)
    {
        builder.ToTable("TeamQueue");
        builder.HasKey(q => q.ConversationId);
        builder.Property(q => q.Strategy).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.RequiredSkills).HasJsonStringList("RequiredSkillsJson");
        // Drained oldest first, per team.
        builder.HasIndex(q => new { q.TeamId, q.QueuedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(q => q.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team>().WithMany().HasForeignKey(q => q.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
