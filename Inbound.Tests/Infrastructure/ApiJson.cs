using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbound.Tests.Infrastructure;

/// <summary>JSON as the API speaks it: web defaults, enums by name.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };
}
