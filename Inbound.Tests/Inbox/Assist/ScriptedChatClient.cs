using Microsoft.Extensions.AI;

namespace Inbound.Tests.Inbox.Assist;

/// <summary>An in-process chat client for component and service tests: answers with a function of the request.</summary>
public sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public static ScriptedChatClient Answering(string text) => new((_, _) => Task.FromResult(text));

    public static ScriptedChatClient Throwing(Exception e) => new((_, _) => Task.FromException<string>(e));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages.ToList();
        Requests.Add(request);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(request, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}
