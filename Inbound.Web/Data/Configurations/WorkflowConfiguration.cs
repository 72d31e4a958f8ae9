using Inbound.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class WorkflowConfiguration : IEntityTypeConfiguration<Workflow>
{
    public void Configure(EntityTypeBuilder<Workflow> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Name).HasMaxLength(Workflow.MaxNameLength).IsRequired();
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(10);
        // The designer edits the draft as one document: one JSON column, compared by content.
        builder.Property(w => w.Draft)
            .HasConversion(d => WorkflowJson.Serialize(d), json => WorkflowJson.Deserialize(json),
                new ValueComparer<WorkflowDefinition>(
                    (a, b) => WorkflowJson.Serialize(a!) == WorkflowJson.Serialize(b!),
                    d => WorkflowJson.Serialize(d).GetHashCode(),
                    d => d.Clone()))
            .HasColumnName("DraftJson");
        builder.Ignore(w => w.ActiveVersion);
        builder.Ignore(w => w.LatestVersion);
        builder.Ignore(w => w.HasUnpublishedChanges);
        builder.HasMany(w => w.Versions).WithOne().HasForeignKey(v => v.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(w => w.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowVersion> builder)
    {
        builder.HasKey(v => v.Id);
        // The id is made by the domain: a version added to a tracked workflow is new, not one to update.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.WorkflowId, v.Number }).IsUnique();
        // A version is frozen once published: comparing by reference is enough and costs nothing.
        builder.Property(v => v.Definition)
            .HasConversion(d => WorkflowJson.Serialize(d), json => WorkflowJson.Deserialize(json),
                new ValueComparer<WorkflowDefinition>((a, b) => ReferenceEquals(a, b), d => d.GetHashCode(), d => d))
            .HasColumnName("DefinitionJson");
    }
}
