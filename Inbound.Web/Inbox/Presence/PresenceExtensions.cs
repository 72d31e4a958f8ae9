using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbound.Web.Inbox.Presence;

public static class PresenceExtensions
{
    public static IHostApplicationBuilder AddPresence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PresenceOptions>().BindConfiguration(PresenceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AgentPresence>();
        // Several nodes share theirs in Redis (AddScaleOut registers it).
        builder.Services.TryAddSingleton<PresenceLedger, LocalPresenceLedger>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, PresenceCircuitHandler>());
        return builder;
    }
}
