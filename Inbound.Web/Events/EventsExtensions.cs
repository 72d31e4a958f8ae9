using Inbound.Domain.Events;

namespace Inbound.Web.Events;

public static class EventsExtensions
{
    public static IHostApplicationBuilder AddDomainEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDomainEventPublisher, InProcessDomainEventPublisher>();
        return builder;
    }
}
