using System.Net;
using System.Text.Json;

namespace Inbound.Tests.Operations;

/// <summary>With the JSON console formatter switched on, a log shipper can parse every line the app writes.</summary>
public sealed class JsonLogsTests
{
    [Fact]
    public async Task With_json_logs_every_output_line_is_a_JSON_log_entry_and_the_node_answers_its_health_probes()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });

        var running = await app.WaitForLineAsync(l => l.Contains("Inbound is running", StringComparison.Ordinal), "the start-up entry", TimeSpan.FromMinutes(2));

        Assert.NotEmpty(app.Lines);
        foreach (var line in app.Lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        }
        using var started = JsonDocument.Parse(running);
        var address = started.RootElement.GetProperty("State").GetProperty("Addresses").GetString()!.Split(' ')[0];
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        await Eventually.TrueAsync(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the node ready");
    }
}
