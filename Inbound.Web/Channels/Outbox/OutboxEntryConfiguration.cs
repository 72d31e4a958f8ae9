using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Channels.Outbox;

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.LeaseOwner).HasMaxLength(64);
        builder.Property(o => o.LastError).HasMaxLength(500);
        builder.Property(o => o.Notice).HasMaxLength(2000);
        // The sender's claim reads the due, unfinished rows in order: finished rows stay out of the index.
        builder.HasIndex(o => o.NextAttemptAt).HasFilter("\"CompletedAt\" IS NULL");
    }
}
