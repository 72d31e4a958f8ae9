using System.Net;
using Npgsql;

namespace Inbound.Tests.Operations;

/// <summary>On PostgreSQL, readiness follows the database server: the connection to it cut and restored, the app never restarted.</summary>
[Trait("Category", "PostgreSqlPass")] // scripts/test.sh runs it on PostgreSQL only: the setup README prescribes for several nodes
public sealed class PostgreSqlReadinessTests
{
    [Fact]
    public async Task Ready_turns_unhealthy_while_PostgreSQL_is_unreachable_and_healthy_again_when_it_returns()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("INBOUND_TEST_POSTGRES")
            ?? throw new InvalidOperationException("INBOUND_TEST_POSTGRES names the PostgreSQL server for this test (scripts/test.sh starts one)."));
        await using var proxy = new LoopbackProxy(server.Host!, server.Port);
        var database = $"inbound_health_{Guid.NewGuid():N}"[..40];
        // The app reaches the server only through the proxy; its migrations create the database.
        var throughProxy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Database = database, Timeout = 3 };
        try
        {
            await using var running = await RunningApp.StartAsync(new InboundApp()
                .With("Database:Provider", "PostgreSQL")
                .With("Database:ConnectionString", throughProxy.ConnectionString));
            using var http = running.App.CreateHttpClient();
            var ready = await Eventually.GetAsync(async () => await HealthAnswer.GetAsync(http) is { Code: HttpStatusCode.OK } a ? a : null, "a ready node");
            Assert.Equal("Healthy", ready.StatusOf("database"));

            proxy.Cut();
            var gone = await Eventually.GetAsync(async () => await HealthAnswer.GetAsync(http) is { Code: HttpStatusCode.ServiceUnavailable } a ? a : null,
                "the node unready without its database");
            Assert.Equal("Unhealthy", gone.StatusOf("database"));
            Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(http, "/health/live")).Code);

            proxy.Open();
            var back = await Eventually.GetAsync(async () => await HealthAnswer.GetAsync(http) is { Code: HttpStatusCode.OK } a ? a : null,
                "the node ready again", TimeSpan.FromSeconds(60));
            Assert.Equal("Healthy", back.StatusOf("database"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
