using Inbound.Domain.Conversations;
using Inbound.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Sla;

internal sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> builder)
    {
        builder.ToTable("SlaBreaches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        // Once per conversation and kind, even when two checks (threads or nodes) see the same due time.
        builder.HasIndex(b => new { b.ConversationId, b.Kind }).IsUnique();
        // Reports count breaches per team and agent over a period.
        builder.HasIndex(b => new { b.TeamId, b.BreachedAt });
        builder.HasIndex(b => new { b.AgentId, b.BreachedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(b => b.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
