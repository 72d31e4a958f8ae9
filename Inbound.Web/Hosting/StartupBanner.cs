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
            Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
        });
    }
}
