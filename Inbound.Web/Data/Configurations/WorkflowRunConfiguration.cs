using System.Text.Json;
using Inbound.Domain.Conversations;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class WorkflowRunConfiguration : IEntityTypeConfiguration<WorkflowRun>
{
    public void Configure(EntityTypeBuilder<WorkflowRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.WorkflowName).HasMaxLength(Workflow.MaxNameLength).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.WaitingFor).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.CurrentNodeId).HasMaxLength(100);
        builder.Property(r => r.EndReason).HasMaxLength(500);
        // The reason as a phrase, beside its English: runs ended before it existed have only EndReason, and still show it.
        builder.Property(r => r.EndSaid)
            .HasConversion(
                v => JsonSerializer.Serialize(v, WorkflowJson.Options),
                json => JsonSerializer.Deserialize<Phrase>(json, WorkflowJson.Options)!)
            .HasColumnName("EndSaidJson");
        builder.Ignore(r => r.IsActive);
        builder.Property<long>(Workflows.Engine.RunRevision.Property).IsConcurrencyToken();

        // The run replaces its variables and log rather than mutating them, so a reference comparison detects changes
        // without serializing on every save: the engine writes many runs per batch.
        builder.Property(r => r.Variables)
            .HasConversion(
                v => JsonSerializer.Serialize(v, WorkflowJson.Options),
                json => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(
                    JsonSerializer.Deserialize<Dictionary<string, string>>(json, WorkflowJson.Options) ?? new(), StringComparer.OrdinalIgnoreCase),
                new ValueComparer<IReadOnlyDictionary<string, string>>((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v))
            .HasColumnName("VariablesJson");
        builder.Property(r => r.Log)
            .HasConversion(
                v => JsonSerializer.Serialize(v, WorkflowJson.Options),
                json => (IReadOnlyList<RunLogEntry>)(JsonSerializer.Deserialize<List<RunLogEntry>>(json, WorkflowJson.Options) ?? new()),
                new ValueComparer<IReadOnlyList<RunLogEntry>>((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v))
            .HasColumnName("LogJson");

        builder.HasIndex(r => new { r.ConversationId, r.Status });
        builder.HasIndex(r => new { r.Status, r.WakeAt });
        builder.HasIndex(r => new { r.WorkflowId, r.StartedAt });
        builder.HasOne<Workflow>().WithMany().HasForeignKey(r => r.WorkflowId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkflowVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
