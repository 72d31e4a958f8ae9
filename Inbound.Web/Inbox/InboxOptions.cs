using System.ComponentModel.DataAnnotations;

namespace Inbound.Web.Inbox;

/// <summary>The inbox's lists an operator tailors: closing categories and canned responses.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    [MinLength(1)]
    public List<string> ClosingCategories { get; set; } = [];

    public List<CannedResponse> CannedResponses { get; set; } = [];
}

/// <summary>A prepared answer; typing <c>/shortcut</c> in the composer offers it.</summary>
public sealed class CannedResponse
{
    [Required] public string Shortcut { get; set; } = "";
    [Required] public string Text { get; set; } = "";
}
