using Microsoft.Extensions.Localization;

namespace Inbound.Web.Localization;

/// <summary>
/// The names of enum values a screen offers (selects, chips), by type and value: EnumNames.resx holds
/// "ChannelTypeWebChat" = "Web chat". Inject <c>IStringLocalizer&lt;EnumNames&gt;</c> and call <see cref="EnumNameLocalizer.Name"/>.
/// </summary>
public sealed class EnumNames
{
    private EnumNames() { }

    /// <summary>The enums whose every value has a name in the resources (a test walks them).</summary>
    public static readonly Type[] Named =
    [
        typeof(Domain.Channels.ChannelType),
        typeof(Domain.Conversations.ConversationSource),
        typeof(Domain.Workflows.AnswerType),
        typeof(Domain.Workflows.AssignmentStrategy),
        typeof(Domain.Agents.AgentAvailability),
    ];

    public static string Key(Enum value) => $"{value.GetType().Name}{value}";
}

public static class EnumNameLocalizer
{
    /// <summary>The value's name in the reader's language; a value without one shows as the code names it.</summary>
    public static string Name(this IStringLocalizer<EnumNames> l, Enum value) =>
        l[EnumNames.Key(value)] is { ResourceNotFound: false } name ? name : value.ToString();
}
