using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Reports;

internal sealed class ConversationFactConfiguration : IEntityTypeConfiguration<ConversationFact>
{
    public void Configure(EntityTypeBuilder<ConversationFact> builder)
    {
        builder.ToTable("ConversationFacts");
        builder.HasKey(f => f.ConversationId);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ClosingCategory).HasMaxLength(100);
        // Drill-downs list the conversations behind a figure by the moment that figure counts.
        builder.HasIndex(f => f.OpenedAt);
        builder.HasIndex(f => f.ClosedAt);
        builder.HasIndex(f => f.FirstResponseAt);
        builder.HasIndex(f => f.AssignedAt);
        builder.HasIndex(f => f.CsatRatedAt);
    }
}

internal sealed class ReportBucketConfiguration : IEntityTypeConfiguration<ReportBucket>
{
    public void Configure(EntityTypeBuilder<ReportBucket> builder)
    {
        builder.ToTable("ReportBuckets");
        // Grain and start lead, so that a report reads its days and its edge hours as two range scans.
        builder.HasKey(b => new { b.Grain, b.Start, b.TeamId, b.Dimension, b.Key });
        builder.Property(b => b.Key).HasMaxLength(100);
        // Covers the heat map's read (teams' openings by hour) without touching the rows and their histograms.
        builder.HasIndex(b => new { b.Grain, b.Dimension, b.Start, b.TeamId, b.Opened });
        builder.Ignore(b => b.IsEmpty);
    }
}
