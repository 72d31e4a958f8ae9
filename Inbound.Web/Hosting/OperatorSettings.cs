using Microsoft.Extensions.Configuration.Json;

namespace Inbound.Web.Hosting;

public static class OperatorSettings
{
    public const string FileName = "appsettings.json";

    /// <summary>
    /// Loads the repository-root appsettings.json (copied beside the app on build) as the base layer:
    /// environment variables and command-line arguments still override it.
    /// </summary>
    public static IHostApplicationBuilder AddOperatorSettings(this IHostApplicationBuilder builder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var source = new JsonConfigurationSource { Path = FileName, Optional = false, ReloadOnChange = true };
        source.ResolveFileProvider();
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(path)!);
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }
}
