using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Inbound.Tests.Infrastructure;

/// <summary>A bunit context with what every MudBlazor component needs: its services and loose JS interop.</summary>
public abstract class MudComponentTest : BunitContext, IAsyncLifetime
{
    protected MudComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddScoped<Inbound.Web.Localization.UserTime>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously; xunit then finds the context already disposed.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Renders the providers that host popovers (selects, menus) and dialogs.</summary>
    protected IRenderedComponent<MudBlazor.MudPopoverProvider> RenderPopovers() => Render<MudBlazor.MudPopoverProvider>();
}
