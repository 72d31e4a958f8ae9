using System.Text;
using Inbound.Domain.Workflows.Runs;

namespace Inbound.Web.Workflows.Engine;

/// <summary>
/// Sends the HTTP request step's calls through a named client whose resilience pipeline retries transient failures;
/// the step's own timeout bounds the whole attempt, retries included.
/// </summary>
public sealed class HttpStepClient(IHttpClientFactory factory, ILogger<HttpStepClient> logger)
{
    public const string ClientName = "workflow-http-step";

    public async Task<HttpStepResponse> SendAsync(HttpStepRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            if (request.Body is not null && request.Method is not ("GET" or "DELETE"))
                message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            foreach (var header in request.Headers)
                if (!message.Headers.TryAddWithoutValidation(header.Name, header.Value))
                    message.Content?.Headers.TryAddWithoutValidation(header.Name, header.Value);

            using var response = await factory.CreateClient(ClientName).SendAsync(message, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new HttpStepResponse((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpStepResponse(null, null, $"no answer within {request.Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or UriFormatException or Polly.Timeout.TimeoutRejectedException)
        {
            logger.LogInformation(ex, "Workflow HTTP request to {Url} failed", request.Url);
            return new HttpStepResponse(null, null, ex.Message);
        }
    }
}
