using System.Text.Json;
using Inbound.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.AuthorKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.DeliveryStatus).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Body).HasMaxLength(Message.MaxBodyLength).IsRequired();
        builder.Property(m => m.ExternalId).HasMaxLength(200);
        builder.Property(m => m.DeliveryError).HasMaxLength(Message.MaxDeliveryErrorLength);
        // A JSON array in one column: always read and written with its message, never queried on its own.
        builder.PrimitiveCollection(m => m.QuickReplies);
        builder.PrimitiveCollection(m => m.AttachmentIds);
        builder.Property(m => m.Template).HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => v == null ? null : JsonSerializer.Deserialize<SentTemplate>(v, (JsonSerializerOptions?)null));
        // A system note as a phrase, beside its English body: notes stored before it existed keep only the body.
        builder.Property(m => m.Said)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Inbound.Domain.Workflows.WorkflowJson.Options),
                json => JsonSerializer.Deserialize<Inbound.Domain.Texts.Phrase>(json, Inbound.Domain.Workflows.WorkflowJson.Options)!)
            .HasColumnName("SaidJson");

        // Webhook retries carry the same id: the second insert is refused, so a message is stored once.
        builder.HasIndex(m => new { m.ChannelId, m.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt });
        // The queues page reads each agent's latest reply.
        builder.HasIndex(m => new { m.AuthorId, m.CreatedAt });
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
