using Inbound.Web.Channels.Admin;
using Inbound.Web.Channels.Custom;
using Inbound.Web.Channels.Email;
using Inbound.Web.Channels.Line;
using Inbound.Web.Channels.Media;
using Inbound.Web.Channels.Outbox;
using Inbound.Web.Channels.Telegram;
using Inbound.Web.Channels.WhatsApp;
using Inbound.Web.Inbox.Delivery;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Inbound.Web.Channels;

public static class ChannelsExtensions
{
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<IInterceptor>(s => s.GetRequiredService<OutboxWriter>());
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<OutboxDelivery>();
        services.AddSingleton<DeliveryCommands>();
        services.AddHostedService<OutboxSender>();

        // Quick retries with backoff inside one attempt; the outbox's own backoff spaces the attempts.
        services.AddHttpClient(ChannelHttp.ClientName).AddResilienceHandler("channels", (pipeline, context) =>
        {
            var outbox = context.ServiceProvider.GetRequiredService<IOptions<OutboxOptions>>().Value;
            if (outbox.HttpRetries > 0)
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = outbox.HttpRetries,
                    Delay = outbox.HttpRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
            pipeline.AddTimeout(outbox.HttpAttemptTimeout);
        });

        services.AddSingleton<ChannelAdministration>();
        services.AddHostedService<ChannelCacheRefresher>();

        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFileStore, FolderFileStore>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<ComposerUploads>();

        // One instance: the outbox sends custom channels' status notices through it too.
        services.AddSingleton<CustomChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<CustomChannelSender>());

        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        services.AddSingleton<TelegramBotClient>();
        services.AddSingleton<IChannelSender, TelegramSender>();

        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section);
        services.AddSingleton<WhatsAppGraphClient>();
        services.AddSingleton<ServiceWindow>();
        services.AddSingleton<IChannelSender, WhatsAppSender>();
        services.AddSingleton<IChannelSender, EmailSender>();
        services.AddLineChannel();
        services.AddSingleton<ContactWorkingSignal>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapCustomChannelApi();
        app.MapMediaApi();
        app.MapTelegramWebhook();
        app.MapWhatsAppWebhook();
        app.MapEmailWebhook();
        app.MapLineWebhook();
        return app;
    }
}
