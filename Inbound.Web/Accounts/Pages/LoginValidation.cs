using System.Globalization;
using System.Resources;

namespace Inbound.Web.Accounts.Pages;

/// <summary>
/// The sign-in form's validation messages. DataAnnotations read a message from a static property, not from an
/// <c>IStringLocalizer</c>, so these read Login.resx / Login.th.resx in the request's language.
/// </summary>
public static class LoginValidation
{
    private static readonly ResourceManager Texts = new(typeof(Login).FullName!, typeof(Login).Assembly);

    public static string EnterEmail => Text(nameof(EnterEmail));
    public static string EnterValidEmail => Text(nameof(EnterValidEmail));
    public static string EnterPassword => Text(nameof(EnterPassword));

    private static string Text(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
