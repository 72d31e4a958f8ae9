using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Channels;

/// <summary>A way contacts reach the business. Inbound webhooks are signed with the channel's secret.</summary>
public sealed class Channel : Entity
{
    private Channel() { Key = Name = Secret = ""; }

    public Channel(string key, string name, ChannelType type, string secret)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new DomainException("A channel needs a key.");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A channel needs a name.");
        if (string.IsNullOrEmpty(secret) || secret.Length < 16) throw new DomainException("A channel secret needs at least 16 characters.");
        Key = key.Trim();
        Name = name.Trim();
        Type = type;
        Secret = secret;
    }

    public string Key { get; private set; }
    public string Name { get; private set; }
    public ChannelType Type { get; private set; }
    public string Secret { get; private set; }

    public void RotateSecret(string secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 16) throw new DomainException("A channel secret needs at least 16 characters.");
        Secret = secret;
    }
}
