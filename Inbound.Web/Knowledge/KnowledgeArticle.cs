namespace Inbound.Web.Knowledge;

public enum KnowledgeStatus
{
    /// <summary>Saved; its chunks wait for the background indexer.</summary>
    Pending,
    /// <summary>Chunked and embedded: AI steps find it.</summary>
    Ready,
    /// <summary>Embedding failed (AI off, the service down); the indexer tries again later.</summary>
    Failed,
}

/// <summary>An article an admin added for AI steps to answer from: a title and its text (typed, or an uploaded file).</summary>
public sealed class KnowledgeArticle
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 200_000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>The uploaded file's name, or null when the text was typed.</summary>
    public string? FileName { get; set; }
    public KnowledgeStatus Status { get; set; }
    public string? Error { get; set; }
    public int ChunkCount { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<KnowledgeChunk> Chunks { get; set; } = [];
}

/// <summary>A passage of an article and its embedding, stored as a blob of little-endian floats.</summary>
public sealed class KnowledgeChunk
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ArticleId { get; set; }
    public int Index { get; set; }
    public string Text { get; set; } = "";
    public byte[] Vector { get; set; } = [];
}
