using Inbound.Web.Admin.Audit;
using Inbound.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Ai;

/// <summary>What the settings page shows: every value but the key, of which only its presence.</summary>
public sealed record AiSettingsView(AiOptions Settings, bool HasApiKey, bool SavedByAdmin);

/// <summary>
/// Reads and saves the AI settings: the admin's saved row when there is one, appsettings.json otherwise. The key is
/// write-only: it is stored encrypted and never leaves this class except into the client that needs it.
/// </summary>
public sealed class AiSettingsStore(IDbContextFactory<InboundDbContext> dbFactory, IOptions<AiOptions> configured,
    IDataProtectionProvider protection, IAuditLog audit, TimeProvider clock)
{
    private readonly IDataProtector _keyProtector = protection.CreateProtector("Inbound.Ai.ApiKey");

    /// <summary>The settings in force, key included.</summary>
    public async Task<AiOptions> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Set<AiSettingsRecord>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return saved is null ? configured.Value : ToOptions(saved);
    }

    public async Task<AiSettingsView> ViewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.Set<AiSettingsRecord>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var settings = saved is null ? configured.Value : ToOptions(saved);
        return new AiSettingsView(settings with { ApiKey = null }, !string.IsNullOrEmpty(settings.ApiKey), saved is not null);
    }

    /// <summary>Saves the settings; <paramref name="newApiKey"/> replaces the key when given, <paramref name="removeApiKey"/> clears it.</summary>
    public async Task SaveAsync(AiOptions settings, string? newApiKey, bool removeApiKey, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<AiSettingsRecord>().SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            // The first save starts from the configured key, so an operator's key in appsettings survives it.
            row = new AiSettingsRecord { ProtectedApiKey = Protect(configured.Value.ApiKey) };
            db.Add(row);
        }
        row.Enabled = settings.Enabled;
        row.BaseUrl = settings.BaseUrl.Trim();
        row.Model = settings.Model.Trim();
        row.EmbeddingModel = settings.EmbeddingModel.Trim();
        row.TimeoutSeconds = settings.TimeoutSeconds;
        row.MaxOutputTokens = settings.MaxOutputTokens;
        row.CallsPerMinute = settings.CallsPerMinute;
        row.RedactPersonalData = settings.RedactPersonalData;
        if (removeApiKey) row.ProtectedApiKey = null;
        else if (!string.IsNullOrWhiteSpace(newApiKey)) row.ProtectedApiKey = Protect(newApiKey.Trim());
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var key = removeApiKey ? ", key removed" : string.IsNullOrWhiteSpace(newApiKey) ? "" : ", key replaced";
        await audit.RecordAsync(actor, "ai.settings.saved", "AI settings",
            $"{(settings.Enabled ? "on" : "off")}, {row.BaseUrl}, {row.Model}{key}", cancellationToken);
    }

    /// <summary>The key that <paramref name="candidate"/> would use: its own when typed, else the stored one.</summary>
    public async Task<AiOptions> WithStoredKeyAsync(AiOptions candidate, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(candidate.ApiKey) ? candidate with { ApiKey = (await LoadAsync(cancellationToken)).ApiKey } : candidate;

    private AiOptions ToOptions(AiSettingsRecord saved) => new()
    {
        Enabled = saved.Enabled,
        BaseUrl = saved.BaseUrl,
        Model = saved.Model,
        EmbeddingModel = saved.EmbeddingModel,
        ApiKey = saved.ProtectedApiKey is null ? null : _keyProtector.Unprotect(saved.ProtectedApiKey),
        TimeoutSeconds = saved.TimeoutSeconds,
        MaxOutputTokens = saved.MaxOutputTokens,
        CallsPerMinute = saved.CallsPerMinute,
        RedactPersonalData = saved.RedactPersonalData,
    };

    private string? Protect(string? key) => string.IsNullOrEmpty(key) ? null : _keyProtector.Protect(key);
}
