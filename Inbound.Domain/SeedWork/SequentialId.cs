namespace Inbound.Domain.SeedWork;

/// <summary>
/// Version 7 UUIDs that increase strictly within the process (RFC 9562, method 3: a counter in the 12 bits after the
/// millisecond). <see cref="Guid.CreateVersion7()"/> fills those bits at random, so two messages written in the same
/// millisecond could sort either way; sorting by time, then by id, then keeps the order they were written in, also on
/// PostgreSQL, whose timestamps keep only microseconds.
/// </summary>
public static class SequentialId
{
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds;
    private static int _counter;

    public static Guid NewGuid()
    {
        long milliseconds;
        int counter;
        lock (Gate)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                // A random start in the lower half leaves room to count up within the millisecond.
                _counter = Random.Shared.Next(0, 2048);
            }
            else if (++_counter > 0xFFF)
            {
                // 4,096 in one millisecond: borrow the next one, as the RFC allows.
                _lastMilliseconds++;
                _counter = 0;
            }
            (milliseconds, counter) = (_lastMilliseconds, _counter);
        }

        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[8..]);
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(milliseconds >> (40 - 8 * i));
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
