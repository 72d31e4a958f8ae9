using System.Globalization;
using System.Resources;
using Inbound.Domain.Texts;
using Inbound.Domain.Workflows;
using Inbound.Web.Admin;
using Inbound.Web.Localization;

namespace Inbound.Tests.Localization;

/// <summary>
/// What the domain and the admin services say by code reaches a Thai screen in Thai: every code has an English and a
/// Thai text, and every enum a select offers has a name in both.
/// </summary>
public class DomainTextsTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture, Thai = new("th");

    public static TheoryData<string> PhraseCodes() => [.. Enum.GetNames<PhraseCode>()];
    public static TheoryData<string> AdminErrorCodes() => [.. Enum.GetNames<AdminError>()];
    public static TheoryData<string> NamedEnumValues() => [.. EnumNames.Named.SelectMany(t => Enum.GetValues(t).Cast<Enum>()).Select(EnumNames.Key)];

    [Theory]
    [MemberData(nameof(PhraseCodes))]
    public void Every_phrase_code_has_an_english_and_a_thai_text(string code) => AssertTranslated(typeof(Phrases), code);

    [Theory]
    [MemberData(nameof(AdminErrorCodes))]
    public void Every_admin_error_has_an_english_and_a_thai_text(string code) => AssertTranslated(typeof(AdminErrors), code);

    [Theory]
    [MemberData(nameof(NamedEnumValues))]
    public void Every_value_of_an_enum_a_select_offers_has_an_english_and_a_thai_name(string key) => AssertTranslated(typeof(EnumNames), key);

    [Fact]
    public void The_english_texts_of_the_resources_say_what_the_domain_says_for_the_api()
    {
        var texts = Texts(typeof(Phrases));
        var summary = new WaitStep { Minutes = 90 }.Summarize(WorkflowNames.None);
        var duration = (Phrase)summary.Args[0];

        Assert.Equal("Wait 1 h 30 min", summary.English);
        Assert.Equal(summary.English, string.Format(English, texts.GetString(summary.Code.ToString(), English)!,
            string.Format(English, texts.GetString(duration.Code.ToString(), English)!, [.. duration.Args])));
    }

    private static void AssertTranslated(Type resource, string key)
    {
        var texts = Texts(resource);
        var english = texts.GetString(key, English);
        var thai = texts.GetString(key, Thai);
        Assert.False(string.IsNullOrWhiteSpace(english), $"{resource.Name}.resx lacks {key}");
        Assert.False(string.IsNullOrWhiteSpace(thai), $"{resource.Name}.th.resx lacks {key}");
        // A Thai text that is the English one again is a forgotten translation, unless it holds no words at all ("{0} = {1}").
        if (english.Any(char.IsLetter) && !IsProductName(english)) Assert.NotEqual(english, thai);
    }

    private static bool IsProductName(string text) => text is "WhatsApp" or "Telegram" or "LINE";

    private static ResourceManager Texts(Type resource) => new(resource.FullName!, resource.Assembly);
}
