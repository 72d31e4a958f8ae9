using System.Text.Json;
using Inbound.Domain.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(320);
        // The contacts page pages by name (keyset on Name, Id), so it stays fast however many contacts there are.
        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Identities).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Fields and tags are small and always read with the contact: one JSON column each.
        builder.Property(c => c.Fields)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new(), StringComparer.OrdinalIgnoreCase),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    v => v.Count,
                    v => new Dictionary<string, string>(v, StringComparer.OrdinalIgnoreCase)))
            .HasColumnName("FieldsJson");
        builder.Property(c => c.Tags)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnName("TagsJson");
    }
}

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ExternalId).HasMaxLength(200).IsRequired();
        builder.HasIndex(i => new { i.ChannelId, i.ExternalId }).IsUnique();
        builder.HasOne<Inbound.Domain.Channels.Channel>().WithMany().HasForeignKey(i => i.ChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}
