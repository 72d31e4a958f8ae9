using Inbound.Web.Classifier;

namespace Inbound.Tests.Classifier;

/// <summary>
/// Generates contacts' first messages as past conversations: each team has its own words (some of them Thai, written
/// without spaces as Thai is), every message also carries words anyone writes, and now and then a word of another
/// team, so that the classifier has something to learn and something to get wrong.
/// </summary>
public sealed class PastConversations(int seed)
{
    public static readonly IReadOnlyDictionary<string, string[]> Vocabulary = new Dictionary<string, string[]>
    {
        ["Sales"] = ["price", "quote", "discount", "buy", "plan", "demo", "licence", "offer", "ราคา", "ส่วนลด", "ซื้อ", "โปรโมชั่น"],
        ["Support"] = ["error", "crash", "login", "broken", "bug", "password", "reset", "slow", "เข้าระบบไม่ได้", "ข้อผิดพลาด", "รหัสผ่าน", "ใช้งานไม่ได้"],
        ["Billing"] = ["invoice", "refund", "charge", "payment", "receipt", "card", "vat", "overdue", "ใบแจ้งหนี้", "คืนเงิน", "ชำระเงิน", "ใบเสร็จ"],
    };

    private static readonly string[] Noise =
        ["hello", "hi", "please", "thanks", "help", "today", "question", "about", "my", "account", "need", "can", "you", "สวัสดี", "ครับ", "ค่ะ", "ขอบคุณ", "ช่วย"];

    private readonly Random _random = new(seed);

    public static IReadOnlyList<string> Teams => [.. Vocabulary.Keys];

    public IReadOnlyList<TrainingSample> Generate(int perTeam) =>
        [.. Teams.SelectMany(team => Enumerable.Range(0, perTeam).Select(_ => new TrainingSample(Message(team), team)))];

    public string Message(string team)
    {
        var words = new List<string>();
        for (var i = 0; i < 2; i++) words.Add(Pick(Vocabulary[team]));
        for (var i = 0; i < 4; i++) words.Add(Pick(Noise));
        // One message in four also names another team's word: a refund asked for after a crash.
        if (_random.NextDouble() < 0.25) words.Add(Pick(Vocabulary[Pick([.. Teams.Where(t => t != team)])]));
        _random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words));
        return string.Join(" ", words);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
