using Inbound.Domain.Channels;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Channels.Line;

/// <summary>LINE's "…" in the contact's chat while a workflow step (an HTTP call) works; the next message ends it.</summary>
internal sealed class LineLoadingAnimation(LineApiClient line, IOptions<LineOptions> options) : IWorkingIndicator
{
    public ChannelType ChannelType => ChannelType.Line;

    public Task ShowAsync(IReadOnlyDictionary<string, string> settings, string contactExternalId, CancellationToken cancellationToken) =>
        line.StartLoadingAsync(settings, contactExternalId, options.Value.LoadingSeconds, cancellationToken);
}
