using System.Globalization;
using System.Resources;

namespace Inbound.Web.Admin.People;

/// <summary>
/// The invite form's validation messages. DataAnnotations read a message from a static property, not from an
/// <c>IStringLocalizer</c>, so these read InvitePage.resx / InvitePage.th.resx in the request's language (as LoginValidation does).
/// </summary>
public static class InviteValidation
{
    private static readonly ResourceManager Texts = new(typeof(InvitePage).FullName!, typeof(InvitePage).Assembly);

    public static string ChoosePassword => Text(nameof(ChoosePassword));
    public static string PasswordTooShort => Text(nameof(PasswordTooShort));
    public static string PasswordsDiffer => Text(nameof(PasswordsDiffer));

    private static string Text(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
