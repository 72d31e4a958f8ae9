using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Custom;

namespace Inbound.Tests.Channels;

public sealed class OutboxRestartTests
{
    [Fact]
    public async Task An_app_stopped_mid_send_resumes_from_the_outbox_and_the_receiver_takes_the_message_once()
    {
        await using var receiver = await FakeProvider.StartAsync();
        // The first request it takes and never answers, so the sender dies not knowing whether it arrived.
        receiver.AnswerWith((_, before) => before == 0 ? null : ProviderAnswer.Ok);

        var first = CustomChannelApp.SendingTo(receiver);
        await ((IAsyncLifetime)first).InitializeAsync();
        var id = await new Conversations(first).OpenAsync();
        await new Conversations(first).WorkflowReplyAsync(id, "Sent while the app died");
        await receiver.RequestAsync(r => r.Text.Contains("Sent while the app died"), "the first attempt");
        await first.DisposeAsync();

        var second = CustomChannelApp.SendingTo(receiver, first.DataFolder);
        await ((IAsyncLifetime)second).InitializeAsync();
        try
        {
            await second.DeliveryAsync(id, "Sent while the app died", DeliveryStatus.Sent);
            // Sent again after the restart, under the same idempotency key: a receiver that deduplicates by it
            // (as providers that honour one do) takes the message exactly once.
            var attempts = receiver.Requests.Where(r => r.Text.Contains("Sent while the app died")).ToList();
            Assert.Equal(2, attempts.Count);
            Assert.Single(attempts.Select(r => r.Header(CustomChannelSender.IdempotencyHeader)).Distinct());
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
