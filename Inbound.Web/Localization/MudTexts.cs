using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Inbound.Web.Localization;

/// <summary>
/// MudBlazor's own texts (the names of close buttons, pager buttons, "Required") in the user's language. MudBlazor
/// keeps its English and asks this localizer only for other cultures; keys missing from MudTexts.th.resx fall back
/// to its English.
/// </summary>
public sealed class MudTexts(IStringLocalizer<MudTexts> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => texts[key];
}
