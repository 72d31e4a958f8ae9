using Inbound.Domain.Assignment;
using Inbound.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class InactivityWatchConfiguration : IEntityTypeConfiguration<InactivityWatch>
{
    public void Configure(EntityTypeBuilder<InactivityWatch> builder)
    {
        builder.ToTable("InactivityWatches");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.StepId).HasMaxLength(100).IsRequired();
        builder.Property(w => w.InactivityHoursOf).HasMaxLength(100);
        builder.Property(w => w.Strategy).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.RequiredSkills).HasJsonStringList("RequiredSkillsJson");
        builder.HasIndex(w => w.ConversationId);
        // Found by agent when they go away; re-armed by due time at start.
        builder.HasIndex(w => w.AgentId);
        builder.HasIndex(w => w.DueAt);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(w => w.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
