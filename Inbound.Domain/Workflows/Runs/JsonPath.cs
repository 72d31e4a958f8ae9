using System.Text.Json;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>Reads a value from a JSON document by a dotted path such as "customer.plan" or "orders.0.id".</summary>
public static class JsonPath
{
    public static string? Read(JsonElement root, string path)
    {
        var current = root;
        foreach (var segment in path.Trim().TrimStart('$').Trim('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child)) current = child;
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i >= 0 && i < current.GetArrayLength()) current = current[i];
            else return null;
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => current.GetRawText(),
        };
    }
}
