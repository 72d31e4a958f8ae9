using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Contacts.Blocking;

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> builder)
    {
        builder.ToTable("Blocks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Value).HasMaxLength(100).IsRequired();
        builder.Property(b => b.Label).HasMaxLength(200).IsRequired();
        builder.Property(b => b.BlockedBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(b => new { b.Kind, b.Value }).IsUnique();
    }
}
