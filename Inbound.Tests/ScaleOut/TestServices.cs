namespace Inbound.Tests.ScaleOut;

/// <summary>
/// The shared servers the scale-out tests need, as scripts/test.sh provides them. Missing ones fail the test with
/// what to set, rather than skipping it: a suite that silently skips proves nothing.
/// </summary>
public static class TestServices
{
    public const string RedisVariable = "INBOUND_TEST_REDIS";

    /// <summary>host:port of a Redis the tests may use; each cluster keeps to its own key prefix.</summary>
    public static string Redis =>
        Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException(
                $"{RedisVariable} is not set: the two-node tests need a Redis (host:port). scripts/test.sh starts one; by hand: " +
                "redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes, then export INBOUND_TEST_REDIS=127.0.0.1:6390");
}
