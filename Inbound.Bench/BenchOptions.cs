namespace Inbound.Bench;

public sealed record BenchOptions(int Messages, int Senders, int PerContact)
{
    /// <summary>New contacts in the assignment scenario (--conversations); all agents have room for them.</summary>
    public int Conversations { get; init; } = 4000;

    public static BenchOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            int.Parse(Get("--messages") ?? "20000"),
            int.Parse(Get("--senders") ?? "64"),
            int.Parse(Get("--per-contact") ?? "10"))
        {
            Conversations = int.Parse(Get("--conversations") ?? "4000"),
        };
    }
}
