using Bunit;
using Inbound.Domain.Agents;
using Inbound.Web.Queues;

namespace Inbound.Tests.Localization;

/// <summary>A Thai supervisor's queue card: headings, presence, load table and alert read in Thai, no English left.</summary>
public sealed class ThaiQueueCardTests : MudComponentTest
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_queue_card_reads_in_Thai()
    {
        using var thai = ThaiCulture.Use();
        var team = new TeamQueueSummary(Guid.NewGuid(), "ฝ่ายขาย", Waiting: 2, Now.AddMinutes(-12), Open: 4, WaitAlertMinutes: 5,
        [
            new AgentLoad(Guid.NewGuid(), "สมหญิง", AgentAvailability.Online, 2, 5, Now.AddMinutes(-4)),
            new AgentLoad(Guid.NewGuid(), "สมชาย", AgentAvailability.Away, 0, 3, null),
        ]);

        var card = Render<TeamQueueCard>(p => p.Add(c => c.Team, team).Add(c => c.Now, Now).Add(c => c.Href, "queues/x"));

        Assert.Equal("รอเกิน 5 นาที", card.Find("[data-testid=queue-alert]").TextContent.Trim());
        Assert.Contains("รอนานที่สุด", card.Find("[data-testid=queue-longest-wait]").TextContent);
        Assert.Equal("1 ออนไลน์ · 1 ไม่อยู่ · 0 ออฟไลน์", card.Find("[data-testid=queue-presence]").TextContent.Trim());
        Assert.Contains("ที่แล้ว", card.Find("[data-agent='สมหญิง']").TextContent);
        Assert.Contains("ยังไม่เคย", card.Find("[data-agent='สมชาย']").TextContent);
        Assert.Contains("เจ้าหน้าที่", card.Find("thead").TextContent);
        Assert.Equal("เปิดคิวของทีม ฝ่ายขาย", card.Find("a").GetAttribute("aria-label"));
        foreach (var english in new[] { "waiting", "online", "away", "never", "Agent", "Queue" })
            Assert.DoesNotContain(english, card.Find("[data-testid=queue-card]").TextContent, StringComparison.Ordinal);
    }
}
