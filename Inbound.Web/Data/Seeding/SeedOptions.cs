using System.ComponentModel.DataAnnotations;
using Inbound.Domain.Channels;

namespace Inbound.Web.Data.Seeding;

/// <summary>The demo data written on first start: teams, accounts and the channels named here.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>Password of every demo account. Change it, or turn seeding off, before going live.</summary>
    [Required, MinLength(8)]
    public string DemoPassword { get; set; } = "Inbound!2026";

    public List<SeedChannel> Channels { get; set; } = [];

    /// <summary>Also publish the "Inbound conversations" demo workflow (ask the topic, route, assign).</summary>
    public bool DemoWorkflow { get; set; } = true;
}

public sealed class SeedChannel
{
    [Required] public string Key { get; set; } = "";
    [Required] public string Name { get; set; } = "";
    public ChannelType Type { get; set; }
    [Required, MinLength(16)] public string Secret { get; set; } = "";

    /// <summary>Provider settings by name (Inbound.Domain.Channels.ChannelSettingNames), e.g. a custom channel's OutboundUrl.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];
}
