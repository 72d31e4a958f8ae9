using System.Text.Json.Nodes;
using Inbound.Domain.Conversations;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Tests.Infrastructure;
using Inbound.Tests.Workflows;
using Inbound.Web.Channels.Line;
using Inbound.Web.Channels.Media;
using Inbound.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Inbound.Tests.Channels;

/// <summary>
/// A Thai contact on LINE against a fake LINE API: the workflow greets them by their LINE name, asks with quick-reply
/// buttons, and replies go by reply token while it is fresh and by push after; LINE's refusals become failure reasons.
/// </summary>
public sealed class LineDeliveryTests : IAsyncLifetime
{
    private const string Greeting = "สวัสดีค่ะ {{contact.name}}";
    private const string Question = "ต้องการสอบถามเรื่องอะไรคะ";

    // The reply tokens' own clock, so that a test can let a token age without waiting.
    private readonly FakeTimeProvider _tokenClock = new(DateTimeOffset.UtcNow);
    private FakeProvider _line = null!;
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _line = (await FakeProvider.StartAsync()).ActAsLine();
        _app = new InboundApp().With("Seed:DemoWorkflow", "false").WithLine(_line)
            .With("Channels:Line:PublicBaseUrl", "https://inbound.example")
            .WithServices(s => s.AddSingleton(sp => new LineReplyTokens(sp.GetRequiredService<IOptions<LineOptions>>(), _tokenClock)));
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _line.DisposeAsync();
    }

    private Task PublishThaiWelcomeAsync() => _app.PublishAsync("LINE welcome", new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new SendMessageStep { Id = "greet", Text = Greeting })
        .Add(new AskQuestionStep { Id = "ask", Question = Question, AnswerType = AnswerType.MultipleChoice, Options = ["สินค้า", "การจัดส่ง"] })
        .Add(new SendMessageStep { Id = "shipping", Text = "เรื่องการจัดส่ง รอสักครู่นะคะ" })
        .Add(new EndStep { Id = "end" })
        .Connect("trigger", Outcomes.Next, "greet")
        .Connect("greet", Outcomes.Next, "ask")
        .Connect("ask", Outcomes.Option("การจัดส่ง"), "shipping")
        .Connect("ask", Outcomes.Option("สินค้า"), "end")
        .Connect("ask", Outcomes.Invalid, "end")
        .Connect("shipping", Outcomes.Next, "end"));

    private async Task<Guid> ThaiContactWritesAsync()
    {
        (await FakeLine.PostAsync(_app.CreateHttpClient(), FakeLine.Payload("line-thai-text.json"))).Dispose();
        return (await Eventually.GetAsync(() => _app.QueryAsync(db => db.Messages.AsNoTracking()
            .Where(m => m.ExternalId == "01JE0THAI0000000000000TEXT").Select(m => (Guid?)m.ConversationId).FirstOrDefaultAsync()), "the contact's message")).GetValueOrDefault();
    }

    private static JsonNode Body(ProviderRequest request) => JsonNode.Parse(request.Text)!;

    [Fact]
    public async Task A_first_message_fetches_the_profile_and_the_workflow_greets_the_contact_by_their_LINE_name_in_Thai()
    {
        await PublishThaiWelcomeAsync();
        await ThaiContactWritesAsync();

        var reply = await _line.RequestAsync(r => r.Path == "/v2/bot/message/reply", "the greeting at the reply API");
        var body = Body(reply);
        Assert.Equal("thai-reply-token-0001", body["replyToken"]!.GetValue<string>());
        Assert.Equal($"สวัสดีค่ะ {FakeLine.DisplayName}", body["messages"]![0]!["text"]!.GetValue<string>());
        var requests = _line.Requests.ToList();
        Assert.True(requests.FindIndex(r => r.Path == $"/v2/bot/profile/{FakeLine.ThaiUser}") < requests.IndexOf(reply),
            "the profile is fetched before the workflow greets");
    }

    [Fact]
    public async Task The_question_is_pushed_with_quick_reply_buttons_and_a_tap_on_one_resumes_the_run()
    {
        await PublishThaiWelcomeAsync();
        var conversationId = await ThaiContactWritesAsync();

        // The greeting used the event's one reply token: the question goes by push.
        var push = await _line.RequestAsync(r => r.Path == "/v2/bot/message/push" && r.Text.Contains(Question), "the question at the push API");
        var body = Body(push);
        Assert.Equal(FakeLine.ThaiUser, body["to"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(push.Header("X-Line-Retry-Key")));
        var items = body["messages"]![0]!["quickReply"]!["items"]!.AsArray();
        Assert.Equal(["สินค้า", "การจัดส่ง"], items.Select(i => i!["action"]!["label"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal("postback", i!["action"]!["type"]!.GetValue<string>()));

        (await FakeLine.PostAsync(_app.CreateHttpClient(), FakeLine.Postback(FakeLine.ThaiUser, "การจัดส่ง", "01JE0THAI0000000000000TAP1"))).Dispose();

        Assert.Equal("เรื่องการจัดส่ง รอสักครู่นะคะ", await _app.WorkflowMessageAsync(conversationId, "การจัดส่ง"));
        var run = await _app.RunAsync(conversationId, r => r.Status == RunStatus.Completed, "the run to finish");
        Assert.Contains(run.Log, e => e.NodeId == "ask" && e.Outcome == Outcomes.Option("การจัดส่ง"));
        // The tap's own reply token answers it: free, like the greeting.
        await _line.RequestAsync(r => r.Path == "/v2/bot/message/reply" && r.Text.Contains("reply-01JE0THAI0000000000000TAP1"), "the answer by reply");
    }

    [Fact]
    public async Task A_reply_while_the_reply_token_is_fresh_uses_the_reply_API_and_a_later_one_uses_push()
    {
        var conversationId = await ThaiContactWritesAsync();
        await new Conversations(_app).WorkflowReplyAsync(conversationId, "ได้เลยค่ะ");
        var reply = await _line.RequestAsync(r => r.Path == "/v2/bot/message/reply", "the first reply at the reply API");
        Assert.Contains("ได้เลยค่ะ", reply.Text);

        _tokenClock.Advance(TimeSpan.FromMinutes(2));
        await new Conversations(_app).WorkflowReplyAsync(conversationId, "ขอบคุณที่รอค่ะ");

        var push = await _line.RequestAsync(r => r.Path == "/v2/bot/message/push", "the later reply at the push API");
        Assert.Contains("ขอบคุณที่รอค่ะ", push.Text);
        Assert.Single(_line.Requests, r => r.Path == "/v2/bot/message/reply");
    }

    [Fact]
    public async Task A_push_over_the_monthly_quota_marks_the_message_failed_with_the_reason()
    {
        _line.ActAsLine((r, _) => r.Path == "/v2/bot/message/push"
            ? new ProviderAnswer(429, """{"message":"You have reached your monthly limit."}""")
            : null);
        var conversationId = await ThaiContactWritesAsync();
        _tokenClock.Advance(TimeSpan.FromMinutes(2));

        await new Conversations(_app).WorkflowReplyAsync(conversationId, "ขออภัยค่ะ");

        var failed = await Eventually.GetAsync(() => _app.QueryAsync(db => db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Direction == MessageDirection.Outbound && m.DeliveryStatus == DeliveryStatus.Failed)), "the reply to fail");
        Assert.Contains("monthly message quota is used up", failed.DeliveryError);
    }

    [Fact]
    public async Task Images_go_as_image_messages_and_other_files_as_links_that_only_LINE_with_the_signed_address_can_fetch()
    {
        var conversationId = await ThaiContactWritesAsync();
        var media = _app.Services.GetRequiredService<MediaLibrary>();
        var (image, _) = await media.StoreAsync(new MemoryStream("png bytes"u8.ToArray()), "label.png", "image/png", conversationId, default);
        var (pdf, _) = await media.StoreAsync(new MemoryStream("pdf bytes"u8.ToArray()), "invoice.pdf", "application/pdf", conversationId, default);
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
            db.Messages.Add(conversation.Reply(AuthorKind.Workflow, null, "ใบคืนสินค้าค่ะ", DateTime.UtcNow, attachmentIds: [image!.Value, pdf!.Value]));
            await db.SaveChangesAsync();
        }

        var sent = await _line.RequestAsync(r => r.Path is "/v2/bot/message/reply" or "/v2/bot/message/push" && r.Text.Contains("ใบคืนสินค้าค่ะ"), "the reply with files");
        var messages = Body(sent)["messages"]!.AsArray();
        Assert.Equal(["text", "image", "text"], messages.Select(m => m!["type"]!.GetValue<string>()));
        var imageUrl = new Uri(messages[1]!["originalContentUrl"]!.GetValue<string>());
        Assert.Equal("inbound.example", imageUrl.Host);
        Assert.StartsWith("📎 invoice.pdf: https://inbound.example/", messages[2]!["text"]!.GetValue<string>());

        var http = _app.CreateHttpClient();
        using var fetched = await http.GetAsync(imageUrl.PathAndQuery);
        Assert.Equal("png bytes", await fetched.Content.ReadAsStringAsync());
        using var forged = await http.GetAsync(imageUrl.PathAndQuery.Replace("sig=", "sig=0"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task The_contact_sees_the_loading_animation_while_a_workflow_HTTP_step_runs()
    {
        await _app.PublishAsync("Look up first", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new HttpRequestStep { Id = "lookup", Url = new Uri(_line.BaseAddress, "crm/customers").ToString(), TimeoutSeconds = 30 })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "lookup")
            .Connect("lookup", Outcomes.Success, "end")
            .Connect("lookup", Outcomes.Failure, "end"));

        await ThaiContactWritesAsync();

        var loading = await _line.RequestAsync(r => r.Path == "/v2/bot/chat/loading/start", "the loading animation");
        Assert.Equal(FakeLine.ThaiUser, Body(loading)["chatId"]!.GetValue<string>());
        Assert.Equal(20, Body(loading)["loadingSeconds"]!.GetValue<int>());
    }
}
