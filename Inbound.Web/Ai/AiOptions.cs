using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Ai;

/// <summary>
/// Section <c>Ai</c>: the OpenAI-compatible service the app may call (a hosted model, Ollama, vLLM...). Off by default.
/// An admin's settings saved on <c>/settings/ai</c> override these values (see <see cref="AiSettingsStore"/>).
/// </summary>
public sealed record AiOptions
{
    public const string Section = "Ai";

    public bool Enabled { get; init; }

    /// <summary>The endpoint's base, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c> (Ollama).</summary>
    public string BaseUrl { get; init; } = "https://api.openai.com/v1";

    public string Model { get; init; } = "gpt-4o-mini";

    public string EmbeddingModel { get; init; } = "text-embedding-3-small";

    /// <summary>Never shown again once saved; local servers often take any value.</summary>
    public string? ApiKey { get; init; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; init; } = 20;

    [Range(1, 32000)]
    public int MaxOutputTokens { get; init; } = 500;

    [Range(1, 100000)]
    public int CallsPerMinute { get; init; } = 60;

    /// <summary>Emails and phone numbers are replaced before a request leaves the app.</summary>
    public bool RedactPersonalData { get; init; } = true;

    /// <summary>Whether the settings are complete enough to build clients.</summary>
    public bool IsUsable => Enabled && Uri.TryCreate(BaseUrl, UriKind.Absolute, out _) && !string.IsNullOrWhiteSpace(Model);
}
