using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Channels;

/// <summary>
/// A way contacts reach the business. Inbound webhooks are signed with the channel's secret; the provider's own
/// settings (a bot token, a phone number id, an outbound URL) are kept by name in <see cref="Settings"/>.
/// </summary>
public sealed class Channel : Entity
{
    private Dictionary<string, string> _settings = new(StringComparer.Ordinal);
    private List<MessageTemplate> _templates = [];

    private Channel() { Key = Name = Secret = ""; }

    public Channel(string key, string name, ChannelType type, string secret)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new DomainException(Phrase.Of(PhraseCode.ChannelKeyMissing, "A channel needs a key."));
        Key = key.Trim();
        Type = type;
        Name = "";
        Secret = "";
        Rename(name);
        RotateSecret(secret);
        IsEnabled = true;
    }

    public string Key { get; private set; }
    public string Name { get; private set; }
    public ChannelType Type { get; private set; }
    public string Secret { get; private set; }

    /// <summary>A disabled channel refuses its webhooks and sends nothing; its conversations stay.</summary>
    public bool IsEnabled { get; private set; }

    /// <summary>The provider's settings by name (see <see cref="ChannelSettingNames"/>); secrets among them are never shown back.</summary>
    public IReadOnlyDictionary<string, string> Settings => _settings;

    public string? Setting(string name) => _settings.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(Phrase.Of(PhraseCode.ChannelNameMissing, "A channel needs a name."));
        Name = name.Trim();
    }

    public void RotateSecret(string secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 16) throw new DomainException(Phrase.Of(PhraseCode.ChannelSecretTooShort, "A channel secret needs at least 16 characters."));
        Secret = secret;
    }

    /// <summary>Sets one provider setting; an empty value removes it.</summary>
    public void Configure(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(Phrase.Of(PhraseCode.ChannelSettingNameMissing, "A setting needs a name."));
        // A new dictionary, so that EF sees the change of a JSON column it compares by value.
        var settings = new Dictionary<string, string>(_settings, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value)) settings.Remove(name);
        else settings[name] = value.Trim();
        _settings = settings;
    }

    /// <summary>The provider's approved templates an agent may send when a free-form reply is not allowed (WhatsApp).</summary>
    public IReadOnlyList<MessageTemplate> Templates => _templates;

    /// <summary>Replaces the templates; one name and language appears once, as at the provider.</summary>
    public void SetTemplates(IEnumerable<MessageTemplate> templates)
    {
        var list = templates.ToList();
        if (list.Count > 0 && Type != ChannelType.WhatsApp) throw new DomainException(Phrase.Of(PhraseCode.ChannelTemplatesWhatsAppOnly, "Only WhatsApp channels send approved templates."));
        if (list.GroupBy(t => (t.Name, t.Language)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException(Phrase.Of(PhraseCode.TemplateListedTwice, "Template {0} ({1}) is listed twice.", twice.Key.Name, twice.Key.Language));
        _templates = list;
    }

    public void Enable() => IsEnabled = true;

    public void Disable() => IsEnabled = false;
}
