using System.Net;

namespace Inbound.Tests.Localization;

/// <summary>Pages rendered without a circuit (not found, error) and the reconnect dialog every page carries, in Thai.</summary>
public class ThaiStaticPagesTests(InboundApp app) : IClassFixture<InboundApp>
{
    private async Task<HttpClient> ThaiAgentAsync()
    {
        var (http, _) = SignInForm.Browser(app.BaseAddress);
        http.DefaultRequestHeaders.Add("Accept-Language", "th-TH,th;q=0.9");
        await SignInForm.PostAsync(http, "ben@inbound.local", InboundApp.DemoPassword);
        return http;
    }

    [Fact]
    public async Task A_thai_agent_reads_the_not_found_page_and_the_reconnect_dialog_in_Thai()
    {
        var http = await ThaiAgentAsync();

        using var response = await http.GetAsync("nowhere");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ไม่พบหน้านี้", page);
        Assert.Contains("กลับไปหน้าภาพรวม", page);
        Assert.Contains("กำลังเชื่อมต่อกับเซิร์ฟเวอร์อีกครั้ง", page);
        Assert.Contains("ลองอีกครั้ง", page);
        foreach (var english in new[] { "Page not found", "Back to the overview", "Rejoining the server", "Retry", "Resume", "Something went wrong" })
            Assert.DoesNotContain(english, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_speaks_Thai_to_a_thai_browser()
    {
        var http = await ThaiAgentAsync();

        var page = WebUtility.HtmlDecode(await http.GetStringAsync("Error"));

        Assert.Contains("เกิดข้อผิดพลาดระหว่างดำเนินการตามคำขอของคุณ", page);
        Assert.DoesNotContain("An error occurred", page, StringComparison.Ordinal);
    }
}
