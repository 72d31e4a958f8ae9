namespace Inbound.Domain.Knowledge;

/// <summary>
/// Cuts an article into passages small enough to embed and to quote to a model: whole paragraphs joined up to
/// <see cref="TargetLength"/> characters, a paragraph longer than that cut at sentence ends. Each passage starts with the
/// article's title, so that a passage found alone still says what it is about.
/// </summary>
public static class TextChunker
{
    public const int TargetLength = 800;

    public static IReadOnlyList<string> Chunk(string title, string text)
    {
        var pieces = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(SplitLong);
        var chunks = new List<string>();
        var current = "";
        foreach (var piece in pieces)
        {
            if (current.Length > 0 && current.Length + piece.Length + 2 > TargetLength)
            {
                chunks.Add(current);
                current = "";
            }
            current = current.Length == 0 ? piece : current + "\n\n" + piece;
        }
        if (current.Length > 0) chunks.Add(current);
        return [.. chunks.Select(c => $"{title.Trim()}\n\n{c}")];
    }

    private static IEnumerable<string> SplitLong(string paragraph)
    {
        if (paragraph.Length <= TargetLength) { yield return paragraph; yield break; }
        var start = 0;
        while (start < paragraph.Length)
        {
            var length = Math.Min(TargetLength, paragraph.Length - start);
            if (start + length < paragraph.Length)
            {
                var end = paragraph.LastIndexOfAny(['.', '!', '?', '\n'], start + length - 1, length);
                if (end > start + TargetLength / 2) length = end - start + 1;
            }
            yield return paragraph.Substring(start, length).Trim();
            start += length;
        }
    }
}
