using Inbound.Domain.Agents;
using Inbound.Domain.Channels;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    /// <summary>The one-open-conversation-per-contact index; ingestion recognises its violation by this name.</summary>
    public const string OneOpenPerContactIndex = "IX_Conversations_OneOpenPerContact";

    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(c => c.IsOpen);
        builder.OwnsOne(c => c.ClosingNote, note =>
        {
            note.Property(n => n.Category).HasColumnName("ClosingCategory").HasMaxLength(100);
            note.Property(n => n.Summary).HasColumnName("ClosingSummary").HasMaxLength(ClosingNote.MaxSummaryLength);
            note.Property(n => n.AiWritten).HasColumnName("ClosingAiWritten");
        });
        builder.Property(c => c.Sequence).IsConcurrencyToken();

        // The lifecycle rule in the database: concurrent writers (threads or nodes) cannot both open one.
        // The filter is plain SQL that SQLite and PostgreSQL both accept.
        builder.HasIndex(c => c.ContactId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName(OneOpenPerContactIndex);
        builder.HasIndex(c => new { c.ContactId, c.OpenedAt });
        builder.HasIndex(c => new { c.AssigneeId, c.Status });
        builder.HasIndex(c => new { c.TeamId, c.Status });
        // The SLA breach check reads only the conversations falling due.
        builder.HasIndex(c => c.SlaCheckAt);

        builder.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.AssigneeId).OnDelete(DeleteBehavior.SetNull);
    }
}
