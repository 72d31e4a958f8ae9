namespace Inbound.Web.Ai;

/// <summary>
/// The one row of AI settings an admin saved; while it exists it wins over appsettings.json. The API key is stored
/// encrypted with the app's data protection keys, and only ever read back to build the client.
/// </summary>
public sealed class AiSettingsRecord
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool Enabled { get; set; }
    public string BaseUrl { get; set; } = "";
    public string Model { get; set; } = "";
    public string EmbeddingModel { get; set; } = "";
    public string? ProtectedApiKey { get; set; }
    public int TimeoutSeconds { get; set; }
    public int MaxOutputTokens { get; set; }
    public int CallsPerMinute { get; set; }
    public bool RedactPersonalData { get; set; }
    public DateTime UpdatedAt { get; set; }
}
