using System.Text.Json;
using Inbound.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Classifier;

internal sealed class ClassifierModelConfiguration : IEntityTypeConfiguration<ClassifierModel>
{
    public void Configure(EntityTypeBuilder<ClassifierModel> builder)
    {
        builder.ToTable("ClassifierModels");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.LabelKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Labels).HasJsonStringList("Labels");
        // Read with its row for the page, never queried inside.
        builder.Property(m => m.Metrics).HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<ClassifierMetrics>(v, JsonSerializerOptions.Default) ?? new ClassifierMetrics(0, 0, Array.Empty<LabelMetrics>()),
                new ValueComparer<ClassifierMetrics>((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v))
            .IsRequired();
        builder.Property(m => m.ApprovedBy).HasMaxLength(200);
        builder.Ignore(m => m.IsApproved);
        builder.HasIndex(m => m.TrainedAt);
    }
}

internal sealed class ClassifierSettingsConfiguration : IEntityTypeConfiguration<ClassifierSettings>
{
    public void Configure(EntityTypeBuilder<ClassifierSettings> builder)
    {
        builder.ToTable("ClassifierSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.LabelKind).HasConversion<string>().HasMaxLength(20);
    }
}
