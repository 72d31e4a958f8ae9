using System.Globalization;
using System.Text;
using System.Text.Json;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Knowledge;
using Microsoft.Extensions.AI;

namespace Inbound.Web.Ai;

/// <summary>
/// The AI step's conversation with the model: the instructions, the numbered sources, the rules (answer only from
/// the sources, in the contact's language, say when unsure or when a person is wanted) and a JSON answer to read back.
/// </summary>
public static class AiStepPrompt
{
    /// <param name="history">Earlier turns, oldest first: real user and assistant messages between the rules and the question.</param>
    public static List<ChatMessage> Build(AiStepRequest request, IReadOnlyList<KnowledgeHit> sources, IReadOnlyList<AiTurn>? history = null)
    {
        var system = new StringBuilder();
        system.AppendLine(request.Instructions.Trim());
        system.AppendLine();
        system.AppendLine("Answer the customer's message using ONLY the numbered sources below. Never invent facts.");
        system.AppendLine($"Write the answer in {LanguageName(request.Language)}.");
        system.AppendLine("Reply with a JSON object and nothing else: {\"status\": \"answered\" | \"unsure\" | \"handover\", \"answer\": string, \"sources\": [numbers of the sources you used]}.");
        system.AppendLine("Use \"handover\" when the customer asks for a person, an agent or a human; \"unsure\" when the sources do not answer the question.");
        system.AppendLine("With \"handover\" or \"unsure\", the answer tells the customer briefly that a colleague will take over.");
        system.AppendLine();
        system.AppendLine("Sources:");
        if (sources.Count == 0) system.AppendLine("(none)");
        for (var i = 0; i < sources.Count; i++) system.AppendLine($"[{i + 1}] {sources[i].Text}");
        return
        [
            new ChatMessage(ChatRole.System, system.ToString()),
            .. (history ?? []).Select(t => new ChatMessage(t.FromContact ? ChatRole.User : ChatRole.Assistant, t.Text)),
            new ChatMessage(ChatRole.User, request.Question),
        ];
    }

    /// <summary>Reads the model's JSON answer; an answer that is not the JSON asked for is a failure, never sent as it is.</summary>
    public static AiStepAnswer Read(string text, IReadOnlyList<KnowledgeHit> sources)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start) return AiStepAnswer.Failed("The AI's answer was not the JSON asked for.");
        try
        {
            using var json = JsonDocument.Parse(text[start..(end + 1)]);
            var root = json.RootElement;
            var status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : "answered";
            var answer = root.TryGetProperty("answer", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim() : "";
            var cited = root.TryGetProperty("sources", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var k) && k >= 1 && k <= sources.Count)
                    .Select(n => sources[n.GetInt32() - 1].ArticleTitle).Distinct().ToList()
                : [];
            return status switch
            {
                "handover" => new AiStepAnswer(AiAnswerKind.HandOver, answer, cited, "the contact asked for a person"),
                "unsure" => new AiStepAnswer(AiAnswerKind.HandOver, answer, cited, "the AI was unsure"),
                _ when answer.Length == 0 => new AiStepAnswer(AiAnswerKind.HandOver, "", cited, "the AI gave no answer"),
                _ => new AiStepAnswer(AiAnswerKind.Answered, answer, cited),
            };
        }
        catch (JsonException)
        {
            return AiStepAnswer.Failed("The AI's answer was not the JSON asked for.");
        }
    }

    private static string LanguageName(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return "the language of the customer's message";
        try { return CultureInfo.GetCultureInfo(tag).EnglishName; }
        catch (CultureNotFoundException) { return tag; }
    }
}
