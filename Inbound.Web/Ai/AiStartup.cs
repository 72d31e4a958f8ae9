namespace Inbound.Web.Ai;

/// <summary>Builds the AI clients from the settings in force once the database is ready.</summary>
internal sealed class AiStartup(AiClients clients, ILogger<AiStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await clients.ReloadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Broken AI settings must not keep the inbox from starting; AI stays off until an admin fixes them.
            logger.LogError(e, "The AI settings could not be read; AI stays off");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
