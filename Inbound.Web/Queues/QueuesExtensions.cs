namespace Inbound.Web.Queues;

public static class QueuesExtensions
{
    public static IHostApplicationBuilder AddQueues(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TeamQueueQueries>();
        builder.Services.AddScoped<TeamQueueCommands>();
        return builder;
    }
}
