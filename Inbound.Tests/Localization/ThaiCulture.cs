using System.Globalization;

namespace Inbound.Tests.Localization;

/// <summary>
/// Renders in Thai for the length of a using block, as a Thai user's circuit does, and puts the test thread's
/// cultures back afterwards: other tests on the thread assert the English texts.
/// </summary>
public sealed class ThaiCulture : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    private ThaiCulture()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("th-TH");
    }

    public static ThaiCulture Use() => new();

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
