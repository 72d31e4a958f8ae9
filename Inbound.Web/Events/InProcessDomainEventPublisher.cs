using System.Collections.Concurrent;
using Inbound.Domain.Events;
using Inbound.Domain.SeedWork;

namespace Inbound.Web.Events;

/// <summary>
/// Delivers committed domain events to every registered <see cref="IDomainEventHandler{TEvent}"/>, in a scope of
/// their own. A failing handler is logged and does not stop the others: the change it reacts to is already stored.
/// </summary>
internal sealed class InProcessDomainEventPublisher(IServiceScopeFactory scopes, ILogger<InProcessDomainEventPublisher> logger) : IDomainEventPublisher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Dispatchers = new();

    public async Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var domainEvent in events)
        {
            var dispatch = Dispatchers.GetOrAdd(domainEvent.GetType(), CreateDispatcher);
            try
            {
                await dispatch(scope.ServiceProvider, domainEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A handler of {Event} failed", domainEvent.GetType().Name);
            }
        }
    }

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> CreateDispatcher(Type eventType) =>
        (Func<IServiceProvider, IDomainEvent, CancellationToken, Task>)typeof(InProcessDomainEventPublisher)
            .GetMethod(nameof(DispatchAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate(typeof(Func<IServiceProvider, IDomainEvent, CancellationToken, Task>));

    private static async Task DispatchAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
    }
}
