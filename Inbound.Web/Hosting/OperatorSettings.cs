using Microsoft.Extensions.Configuration.Json;

namespace Inbound.Web.Hosting;

public static class OperatorSettings
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Loads the repository-root appsettings.json (copied beside the app on build) as the base layer:
    /// environment variables and command-line arguments still override it. An operator's edit is picked up while the
    /// app runs, unless the host's <c>hostBuilder:reloadConfigOnChange</c> is false (the tests start dozens of apps
    /// in one process, and each watch costs an inotify instance).
    /// </summary>
    public static IHostApplicationBuilder AddOperatorSettings(this IHostApplicationBuilder builder)
    {
        var source = new JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, FileName),
            Optional = false,
            ReloadOnChange = builder.Configuration.GetValue("hostBuilder:reloadConfigOnChange", true),
        };
        // Resolved from the absolute path, the source owns its file provider and disposes it (and its watcher) with
        // the configuration, so a stopped app leaves no watch behind.
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }
}
