using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Ingestion;

public static class IngestionExtensions
{
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ChannelDirectory>();
        builder.Services.AddSingleton<IngestionQueue>();
        builder.Services.AddSingleton<MessageBatchWriter>();
        builder.Services.AddHostedService<IngestionWriter>();

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = 429, Title = "Too many messages", Detail = "This channel sent more messages than its rate limit allows; retry later." },
                });
            };
            // One bucket per channel, so that one noisy channel cannot starve the others.
            limiter.AddPolicy(IngestionApi.RateLimitPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<IngestionOptions>>().Value;
                var channelKey = http.Request.RouteValues["channelKey"] as string ?? "";
                return RateLimitPartition.GetTokenBucketLimiter(channelKey, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimitBurst,
                    TokensPerPeriod = options.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }
}
