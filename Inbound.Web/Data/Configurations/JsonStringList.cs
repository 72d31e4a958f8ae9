using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbound.Web.Data.Configurations;

/// <summary>A short list of words (skills) kept as one JSON text column: it is read with its row, never queried inside.</summary>
internal static class JsonStringList
{
    public static PropertyBuilder<List<string>> HasJsonStringList(this PropertyBuilder<List<string>> property, string column) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => JsonSerializer.Deserialize<List<string>>(v, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
            .HasColumnName(column)
            .HasDefaultValue(new List<string>())
            .IsRequired();
}
