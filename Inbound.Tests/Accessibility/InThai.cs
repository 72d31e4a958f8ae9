using System.Globalization;

namespace Inbound.Tests.Accessibility;

/// <summary>Sets the UI culture to Thai for one test, as the culture cookie does for a request.</summary>
public sealed class InThai : IDisposable
{
    private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

    public InThai() => CultureInfo.CurrentUICulture = new CultureInfo("th-TH");

    public void Dispose() => CultureInfo.CurrentUICulture = _before;
}
