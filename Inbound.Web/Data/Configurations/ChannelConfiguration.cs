using Inbound.Domain.Channels;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Secret).HasMaxLength(200).IsRequired();
        // The provider settings as one JSON object: always read and written with their channel.
        builder.Ignore(c => c.Settings);
        builder.Property<Dictionary<string, string>>("_settings")
            .HasColumnName("Settings")
            .HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null) ?? new(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    v => new Dictionary<string, string>(v, StringComparer.Ordinal)))
            .HasDefaultValueSql("'{}'")
            .IsRequired();
        // The approved templates as one JSON array of {Name, Language, Body}, read and written with their channel.
        builder.Ignore(c => c.Templates);
        builder.Property<List<MessageTemplate>>("_templates")
            .HasColumnName("Templates")
            .HasConversion(
                v => JsonSerializer.Serialize(v.Select(t => new StoredTemplate(t.Name, t.Language, t.Body)), (JsonSerializerOptions?)null),
                v => (JsonSerializer.Deserialize<List<StoredTemplate>>(v, (JsonSerializerOptions?)null) ?? new())
                    .Select(t => new MessageTemplate(t.Name, t.Language, t.Body)).ToList(),
                new ValueComparer<List<MessageTemplate>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, HashCode.Combine), v => v.ToList()))
            .HasDefaultValueSql("'[]'")
            .IsRequired();
    }

    private sealed record StoredTemplate(string Name, string Language, string Body);
}
