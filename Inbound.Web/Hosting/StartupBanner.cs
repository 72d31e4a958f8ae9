using Inbound.Web.Data.Seeding;
using Inbound.Web.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Inbound.Web.Hosting;

public static class StartupBanner
{
    /// <summary>Prints where the app listens, where its data lives and the demo logins, once it has started.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var storage = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            var seed = app.Services.GetRequiredService<IOptions<SeedOptions>>().Value;
            var lines = new List<string>
            {
                "",
                "Inbound is running.",
                $"  Open:  {string.Join("  ", addresses)}",
                $"  Data:  {Path.GetFullPath(storage.DataFolder)}",
            };
            if (seed.Enabled)
            {
                lines.Add($"  Demo logins (password {seed.DemoPassword}):");
                lines.AddRange(DemoAccounts.All.Select(a => $"    {a.Role,-10} {a.Email}"));
            }
            // With JSON logs every line of the output must be a JSON object a log shipper can parse: the banner is then a log entry.
            if (string.Equals(app.Configuration["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupBanner))
                    .LogInformation("Inbound is running on {Addresses} with its data in {DataFolder}", string.Join(" ", addresses), Path.GetFullPath(storage.DataFolder));
            else
                Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }
}
