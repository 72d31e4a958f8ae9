using MudBlazor;

namespace Inbound.Web.Components.Layout;

public static class InboundTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            // Material's default accents fall below 4.5:1 behind white text (and as text on white): one shade darker each.
            Secondary = "#00796b",
            Success = "#2e7d32",
            Info = "#0277bd",
            Warning = "#b45309",
            Error = "#c62828",
            // Secondary text on the grey page background stays above 4.5:1.
            TextSecondary = "rgba(0,0,0,0.64)",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
            DrawerBackground = "#ffffff",
        },
        // Lighter accents on dark surfaces: indigo 200 on #1c1f2e passes 4.5:1, and filled buttons carry dark text.
        PaletteDark = new PaletteDark
        {
            Primary = "#9fa8da",
            PrimaryContrastText = "#10132b",
            Secondary = "#4db6ac",
            SecondaryContrastText = "#00201c",
            AppbarBackground = "#1c1f33",
            Background = "#121420",
            Surface = "#1c1f2e",
            DrawerBackground = "#1c1f2e",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.72)",
            ActionDefault = "rgba(255,255,255,0.72)",
            LinesDefault = "rgba(255,255,255,0.14)",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
