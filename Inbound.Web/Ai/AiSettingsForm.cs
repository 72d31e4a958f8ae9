using Microsoft.Extensions.Localization;

namespace Inbound.Web.Ai;

/// <summary>The settings page's editable copy of <see cref="AiOptions"/>; the key field starts empty (it is write-only).</summary>
public sealed class AiSettingsForm
{
    public bool Enabled { get; set; }
    public string BaseUrl { get; set; } = "";
    public string Model { get; set; } = "";
    public string EmbeddingModel { get; set; } = "";
    public string? NewApiKey { get; set; }
    public bool RemoveApiKey { get; set; }
    public int TimeoutSeconds { get; set; }
    public int MaxOutputTokens { get; set; }
    public int CallsPerMinute { get; set; }
    public bool RedactPersonalData { get; set; }

    public static AiSettingsForm From(AiOptions o) => new()
    {
        Enabled = o.Enabled, BaseUrl = o.BaseUrl, Model = o.Model, EmbeddingModel = o.EmbeddingModel, TimeoutSeconds = o.TimeoutSeconds,
        MaxOutputTokens = o.MaxOutputTokens, CallsPerMinute = o.CallsPerMinute, RedactPersonalData = o.RedactPersonalData,
    };

    public AiOptions ToOptions() => new()
    {
        Enabled = Enabled, BaseUrl = BaseUrl.Trim(), Model = Model.Trim(), EmbeddingModel = (EmbeddingModel ?? "").Trim(),
        TimeoutSeconds = TimeoutSeconds, MaxOutputTokens = MaxOutputTokens, CallsPerMinute = CallsPerMinute, RedactPersonalData = RedactPersonalData,
    };

    /// <summary>The first thing wrong with the form, in the page's language, or null.</summary>
    public string? Problem(IStringLocalizer localizer)
    {
        if (!Uri.TryCreate(BaseUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return localizer["BaseUrlInvalid"];
        if (string.IsNullOrWhiteSpace(Model)) return localizer["ModelRequired"];
        if (TimeoutSeconds is < 1 or > 600 || MaxOutputTokens is < 1 or > 32000 || CallsPerMinute is < 1 or > 100000) return localizer["LimitsInvalid"];
        return null;
    }
}
