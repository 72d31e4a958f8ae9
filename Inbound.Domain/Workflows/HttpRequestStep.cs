namespace Inbound.Domain.Workflows;

/// <summary>Calls an outside HTTP endpoint (a CRM, an order system) and copies values of its JSON response to contact fields.</summary>
public sealed class HttpRequestStep : StepNode
{
    public static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    protected override NodeKind KindValue => NodeKind.HttpRequest;
    protected override string KindNameValue => "HTTP request";

    public string Method { get; set; } = "GET";

    /// <summary>May use variables, e.g. https://crm.example.com/contacts?email={{contact.email}}.</summary>
    public string Url { get; set; } = "";

    public List<HttpHeader> Headers { get; set; } = [];
    public string? Body { get; set; }

    /// <summary>Values of the JSON response saved to contact fields.</summary>
    public List<ResponseMapping> ResponseMappings { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 10;

    public override IReadOnlyList<NodeOutcome> Outcomes() =>
        [new NodeOutcome(Workflows.Outcomes.Success, "Success"), new NodeOutcome(Workflows.Outcomes.Failure, "Failure")];

    public override Phrase Summarize(WorkflowNames names)
    {
        var call = Phrase.Of(PhraseCode.SummaryHttpRequest, "{0} {1}", Method, Shorten(Url, 50));
        return ResponseMappings.Count == 0 ? call : Phrase.Parts([call,
            Phrase.Of(PhraseCode.SummarySaves, "saves {0}", new PhraseList(", ", [.. ResponseMappings.Select(m => m.Field)]))]);
    }

    public override IEnumerable<Phrase> Problems()
    {
        if (string.IsNullOrWhiteSpace(Url)) yield return Phrase.Of(PhraseCode.ProblemUrlMissing, "Enter the URL to call.");
        else if (!Url.Contains("{{") && !Uri.TryCreate(Url, UriKind.Absolute, out var uri) | (uri is not null && uri.Scheme is not ("http" or "https")))
            yield return Phrase.Of(PhraseCode.ProblemUrlNotHttp, "Enter a full http:// or https:// URL.");
        if (!Methods.Contains(Method, StringComparer.OrdinalIgnoreCase)) yield return Phrase.Of(PhraseCode.ProblemMethodUnknown, "Choose a method: {0}.", new PhraseList(", ", Methods));
        if (TimeoutSeconds is < 1 or > 120) yield return Phrase.Of(PhraseCode.ProblemHttpTimeoutRange, "Set the request timeout between 1 and 120 seconds.");
        if (Headers.Any(h => string.IsNullOrWhiteSpace(h.Name))) yield return Phrase.Of(PhraseCode.ProblemHeaderNameMissing, "Give every header a name.");
        if (ResponseMappings.Any(m => string.IsNullOrWhiteSpace(m.Path) || string.IsNullOrWhiteSpace(m.Field)))
            yield return Phrase.Of(PhraseCode.ProblemResponseMappingIncomplete, "Give every response mapping a JSON path and a contact field.");
    }
}

public sealed record HttpHeader(string Name, string Value);

/// <summary>A value of the response, by a dotted path such as "customer.plan" or "orders.0.id", saved to a contact field.</summary>
public sealed record ResponseMapping(string Path, string Field);
