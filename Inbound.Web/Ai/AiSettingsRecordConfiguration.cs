using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Ai;

internal sealed class AiSettingsRecordConfiguration : IEntityTypeConfiguration<AiSettingsRecord>
{
    public void Configure(EntityTypeBuilder<AiSettingsRecord> builder)
    {
        builder.ToTable("AiSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.BaseUrl).HasMaxLength(500).IsRequired();
        builder.Property(s => s.Model).HasMaxLength(200).IsRequired();
        builder.Property(s => s.EmbeddingModel).HasMaxLength(200).IsRequired();
        builder.Property(s => s.ProtectedApiKey).HasMaxLength(4000);
    }
}
