using Inbound.Domain.Agents;
using Inbound.Domain.Contacts;
using Inbound.Domain.Teams;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Admin.Replies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Admin;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(2000).IsRequired();
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Action, e.Id });
    }
}

internal sealed class CannedResponseConfiguration : IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<CannedResponse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Shortcut).HasMaxLength(50).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(4000).IsRequired();
        builder.Property(r => r.Scope).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(r => new { r.Scope, r.TeamId, r.OwnerAgentId });
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Agent>().WithMany().HasForeignKey(r => r.OwnerAgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClosingCategoryConfiguration : IEntityTypeConfiguration<ClosingCategory>
{
    public void Configure(EntityTypeBuilder<ClosingCategory> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Ignore(c => c.IsActive);
    }
}

internal sealed class ContactFieldDefinitionConfiguration : IEntityTypeConfiguration<ContactFieldDefinition>
{
    public void Configure(EntityTypeBuilder<ContactFieldDefinition> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Key).HasMaxLength(50).IsRequired();
        builder.HasIndex(f => f.Key).IsUnique();
        builder.Property(f => f.Label).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(10);
        builder.PrimitiveCollection(f => f.Choices);
    }
}
