namespace Inbound.Web.Ai;

public static class AiExtensions
{
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AiSettingsStore>();
        builder.Services.AddSingleton<AiClients>();
        builder.Services.AddSingleton<AiStepAnswerer>();
        builder.Services.AddSingleton<AiStepHistory>();
        builder.Services.AddHostedService<AiStartup>();
        return builder;
    }
}
