using Inbound.Domain.Agents;
using Inbound.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Inbox;

internal sealed class ConversationReadMarkerConfiguration : IEntityTypeConfiguration<ConversationReadMarker>
{
    public void Configure(EntityTypeBuilder<ConversationReadMarker> builder)
    {
        builder.ToTable("ConversationReadMarkers");
        builder.HasKey(r => new { r.ConversationId, r.AgentId });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}
