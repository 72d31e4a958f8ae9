using Inbound.Domain.Agents;
using Inbound.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
        builder.Ignore(t => t.SlaTargets);
        // A week of opening hours is small and always read with the team: one JSON column.
        builder.Property(t => t.BusinessHours)
            .HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, System.Text.Json.JsonSerializerOptions.Default),
                v => System.Text.Json.JsonSerializer.Deserialize<List<Inbound.Domain.Workflows.OpeningHours>>(v, System.Text.Json.JsonSerializerOptions.Default) ?? new(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Inbound.Domain.Workflows.OpeningHours>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnName("BusinessHoursJson").HasDefaultValue(new List<Inbound.Domain.Workflows.OpeningHours>());
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasKey(m => new { m.TeamId, m.AgentId });
        builder.HasIndex(m => m.AgentId);
        builder.HasOne<Agent>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Email).HasMaxLength(320).IsRequired();
        builder.HasIndex(a => a.Email).IsUnique();
        builder.Property(a => a.Availability).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.LastAssignmentTicket).IsConcurrencyToken();
        builder.Property(a => a.Skills).HasJsonStringList("SkillsJson");
    }
}
