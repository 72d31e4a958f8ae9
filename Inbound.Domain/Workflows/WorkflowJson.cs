using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbound.Domain.Workflows;

/// <summary>The one JSON shape of workflow definitions: camelCase, enums as names, node kind as a "kind" discriminator.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static WorkflowDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options) ?? throw new JsonException("A workflow definition cannot be null.");
}
