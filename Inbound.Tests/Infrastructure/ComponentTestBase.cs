using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Inbound.Tests.Infrastructure;

/// <summary>A bunit context with what every Inbound component needs: MudBlazor services, loose JS interop, a signed-in user.</summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Authorization = AddAuthorization();
    }

    protected BunitAuthorizationContext Authorization { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
