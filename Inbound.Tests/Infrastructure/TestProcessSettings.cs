using System.Runtime.CompilerServices;

namespace Inbound.Tests.Infrastructure;

internal static class TestProcessSettings
{
    /// <summary>
    /// Dozens of test apps start in one process, and each would watch its configuration files for changes with an
    /// inotify instance; Linux allows 128 per user, shared with everything else the user runs. Test apps never
    /// reload their configuration, so none of them watches.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
