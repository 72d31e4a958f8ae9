using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Pages;

/// <summary>
/// Every page, as the server first renders it for each kind of user, on whichever database the suite runs. On a server
/// database a page's first reads really yield, so a page that renders before its data is there shows here as a 500.
/// </summary>
public class EveryPageRendersTests(InboundApp app) : IClassFixture<InboundApp>
{
    private static readonly string[] EveryonesPages = ["/", "/account/profile", "/chat", "/not-found"];
    private static readonly string[] AgentPages = ["/inbox", "/contacts"];
    private static readonly string[] SupervisorPages = ["/queues", "/reports", "/reports/conversations"];
    private static readonly string[] AdminPages =
    [
        "/settings", "/settings/ai", "/settings/audit", "/settings/channels", "/settings/classifier", "/settings/contact-fields",
        "/settings/knowledge", "/settings/replies", "/settings/teams", "/settings/users", "/workflows",
    ];

    [Theory]
    [InlineData("ana@inbound.local")]
    [InlineData("supervisor@inbound.local")]
    [InlineData("admin@inbound.local")]
    public async Task Each_page_a_person_may_open_renders_without_an_error(string email)
    {
        var sent = await new ChannelClient(app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}", "Hello, anyone there?");
        var conversation = await Eventually.GetAsync(() => app.QueryAsync(db =>
            db.Conversations.Where(c => c.Id == sent.ConversationId).Select(c => (Guid?)c.Id).SingleOrDefaultAsync()), "the conversation");
        var (contactId, teamId, workflowId) = await app.QueryAsync(async db => (
            await db.Conversations.Where(c => c.Id == conversation).Select(c => c.ContactId).SingleAsync(),
            await db.Teams.Select(t => t.Id).FirstAsync(),
            await db.Workflows.Select(w => w.Id).FirstAsync()));

        string[] pages = email switch
        {
            "ana@inbound.local" => [.. EveryonesPages, .. AgentPages, $"/inbox/{conversation}", $"/contacts/{contactId}"],
            "supervisor@inbound.local" => [.. EveryonesPages, .. AgentPages, .. SupervisorPages, $"/inbox/{conversation}", $"/queues/{teamId}"],
            _ => [.. EveryonesPages, .. SupervisorPages, .. AdminPages, $"/workflows/{workflowId}", $"/contacts/{contactId}"],
        };
        using var http = await SignedInAsync(email);
        foreach (var page in pages)
        {
            using var response = await http.GetAsync(page.TrimStart('/'));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} on {page}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            Assert.Contains("<html", body);
        }
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var (_, token) = await InboxUser.TokenForAsync(app, email);
        var http = app.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
