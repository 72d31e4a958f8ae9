using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbound.Web.Sla;

public static class SlaExtensions
{
    public static IHostApplicationBuilder AddSla(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IInterceptor, SlaDueTimes>();
        builder.Services.AddHostedService<SlaBreachCheck>();
        return builder;
    }
}
