namespace Inbound.Web.Components.Layout;

/// <summary>The colour scheme a person picked in the app bar: the system's setting, or always light or dark.</summary>
public enum ThemeMode
{
    System,
    Light,
    Dark,
}
