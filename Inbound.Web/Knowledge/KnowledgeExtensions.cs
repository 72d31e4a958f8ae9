namespace Inbound.Web.Knowledge;

public static class KnowledgeExtensions
{
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KnowledgeIndexSignal>();
        builder.Services.AddSingleton<KnowledgeBase>();
        builder.Services.AddSingleton<KnowledgeSearch>();
        builder.Services.AddHostedService<KnowledgeIndexer>();
        return builder;
    }
}
