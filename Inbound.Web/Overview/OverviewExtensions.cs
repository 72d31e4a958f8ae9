namespace Inbound.Web.Overview;

public static class OverviewExtensions
{
    public static IHostApplicationBuilder AddOverview(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OverviewQueries>();
        return builder;
    }
}
