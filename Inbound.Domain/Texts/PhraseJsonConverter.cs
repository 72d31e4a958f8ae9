using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbound.Domain.Texts;

/// <summary>
/// Stores a phrase as its code, its arguments and its English, so that a stored run log says its reasons in the
/// reader's language years later. Arguments keep their kind: texts, numbers, nested phrases, lists and steps; anything else
/// is kept as its English. A code this build no longer knows reads back as its stored English.
/// </summary>
public sealed class PhraseJsonConverter : JsonConverter<Phrase>
{
    public override Phrase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ReadPhrase(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, Phrase value, JsonSerializerOptions options) => WritePhrase(writer, value);

    private static void WritePhrase(Utf8JsonWriter writer, Phrase phrase)
    {
        writer.WriteStartObject();
        writer.WriteString("code", phrase.Code.ToString());
        writer.WritePropertyName("args");
        WriteArgs(writer, phrase.Args);
        writer.WriteString("english", phrase.English);
        writer.WriteEndObject();
    }

    private static void WriteArgs(Utf8JsonWriter writer, IEnumerable<object> args)
    {
        writer.WriteStartArray();
        foreach (var arg in args) WriteArg(writer, arg);
        writer.WriteEndArray();
    }

    private static void WriteArg(Utf8JsonWriter writer, object arg)
    {
        switch (arg)
        {
            case Phrase phrase: WritePhrase(writer, phrase); break;
            case PhraseList list:
                writer.WriteStartObject();
                writer.WriteString("separator", list.Separator);
                writer.WritePropertyName("items");
                WriteArgs(writer, list.Items);
                writer.WriteEndObject();
                break;
            case Workflows.StepName step:
                writer.WriteStartObject();
                writer.WriteString("label", step.Label);
                writer.WriteString("kind", step.Kind.ToString());
                writer.WriteString("kindName", step.KindName);
                writer.WriteEndObject();
                break;
            case int or long or short or byte: writer.WriteNumberValue(Convert.ToInt64(arg, CultureInfo.InvariantCulture)); break;
            case double or float or decimal: writer.WriteNumberValue(Convert.ToDouble(arg, CultureInfo.InvariantCulture)); break;
            default: writer.WriteStringValue(new PhraseList("", [arg]).ToString()); break;
        }
    }

    private static Phrase ReadPhrase(JsonElement element)
    {
        var english = element.TryGetProperty("english", out var e) ? e.GetString() ?? "" : "";
        var args = element.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array ? ReadArgs(a) : [];
        return element.TryGetProperty("code", out var c) && Enum.TryParse<PhraseCode>(c.GetString(), out var code)
            ? new Phrase(code, args, english)
            : new Phrase(PhraseCode.Parts, [english], english);
    }

    /// <summary>A step named by its kind, or by the label the admin gave it; a kind this build no longer has keeps its English.</summary>
    private static object ReadStep(JsonElement arg, JsonElement kind)
    {
        var label = arg.TryGetProperty("label", out var l) ? l.GetString() : null;
        var kindName = arg.TryGetProperty("kindName", out var n) ? n.GetString() ?? "" : "";
        return Enum.TryParse<Workflows.NodeKind>(kind.GetString(), out var known)
            ? new Workflows.StepName(label, known, kindName)
            : label ?? kindName;
    }

    private static List<object> ReadArgs(JsonElement array) => [.. array.EnumerateArray().Select(ReadArg)];

    private static object ReadArg(JsonElement arg) => arg.ValueKind switch
    {
        JsonValueKind.Number => arg.TryGetInt64(out var whole) ? whole : arg.GetDouble(),
        JsonValueKind.Object when arg.TryGetProperty("separator", out var separator) =>
            new PhraseList(separator.GetString() ?? "", arg.TryGetProperty("items", out var items) ? ReadArgs(items) : []),
        JsonValueKind.Object when arg.TryGetProperty("kind", out var kind) => ReadStep(arg, kind),
        JsonValueKind.Object => ReadPhrase(arg),
        _ => arg.ToString(),
    };
}
