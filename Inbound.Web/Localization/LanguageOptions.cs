namespace Inbound.Web.Localization;

/// <summary>Bound from "Languages" in appsettings.json.</summary>
public sealed class LanguageOptions
{
    public const string Section = "Languages";

    /// <summary>Times show in this zone for a user who chose none and whose browser has not told us its own yet.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";
}
