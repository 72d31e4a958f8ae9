using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Knowledge;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(KnowledgeArticle.MaxTitleLength).IsRequired();
        builder.Property(a => a.Text).IsRequired();
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasIndex(a => a.Status);
        builder.HasMany(a => a.Chunks).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeChunkConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunk> builder)
    {
        builder.ToTable("KnowledgeChunks");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Text).IsRequired();
        builder.HasIndex(c => new { c.ArticleId, c.Index }).IsUnique();
    }
}
