using Microsoft.Extensions.AI;

namespace Inbound.Web.Ai;

/// <summary>The embeddings pipeline's outermost link: the same redaction, limit, timeout and metering as chat.</summary>
public sealed class GuardedEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, AiCallGuard guard)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var outgoing = guard.Options.RedactPersonalData ? values.Select(PersonalDataRedaction.Redact).ToList() : values.ToList();
        return guard.RunAsync(AiOperations.Embeddings, token => base.GenerateAsync(outgoing, options, token), r => r.Usage, cancellationToken);
    }
}
