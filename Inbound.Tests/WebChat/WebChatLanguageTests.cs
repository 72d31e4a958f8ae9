using Inbound.Domain.Contacts;
using Inbound.Domain.Workflows;
using Inbound.Tests.Workflows;
using Inbound.Web.WebChat;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>
/// The web chat's language becomes the contact's, and the published workflow speaks it: the seeded workflow asks a
/// Thai visitor in Thai and an English one in English, through the real visitor path and engine.
/// </summary>
public class WebChatLanguageTests : IAsyncLifetime
{
    private readonly InboundApp _app = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_app).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private async Task<(Guid ConversationId, Guid ContactId)> WriteInAsync(string language, string text)
    {
        var visitor = WebChatTestApp.NewVisitor();
        Assert.True(await _app.Visitors().SendAsync(visitor, new VisitorDetails(Language: language), text));
        var thread = await _app.Visitors().GetThreadAsync(visitor);
        return (thread.ConversationId!.Value, thread.ContactId!.Value);
    }

    [Fact]
    public async Task A_thai_visitor_is_asked_the_published_workflows_thai_question_with_thai_options()
    {
        var (conversationId, contactId) = await WriteInAsync("th", "สวัสดีค่ะ อยากสอบถามราคา");

        var question = await _app.WorkflowMessageAsync(conversationId, InboundConversationsTemplate.ThaiQuestion);

        Assert.Equal(InboundConversationsTemplate.ThaiQuestion, question);
        var choices = await _app.QueryAsync(db => db.Messages.Where(m => m.ConversationId == conversationId && m.Body == question)
            .Select(m => m.QuickReplies).SingleAsync());
        Assert.Equal(InboundConversationsTemplate.ThaiTopics, choices);
        var fields = await _app.QueryAsync(db => db.Contacts.Where(c => c.Id == contactId).Select(c => c.Fields).SingleAsync());
        Assert.Equal("th", fields[Contact.LanguageField]);
    }

    [Fact]
    public async Task An_english_visitor_is_asked_the_default_english_question()
    {
        var (conversationId, _) = await WriteInAsync("en", "Hello, what does the team plan cost?");

        Assert.Equal(InboundConversationsTemplate.Question, await _app.WorkflowMessageAsync(conversationId, "help"));
    }

    [Fact]
    public async Task A_thai_visitors_tap_on_a_thai_option_is_saved_as_the_topic_the_workflow_routes_on()
    {
        var visitor = WebChatTestApp.NewVisitor();
        await _app.Visitors().SendAsync(visitor, new VisitorDetails(Language: "th"), "สวัสดีค่ะ");
        var thread = await _app.Visitors().GetThreadAsync(visitor);
        await _app.WorkflowMessageAsync(thread.ConversationId!.Value, InboundConversationsTemplate.ThaiQuestion);

        await _app.Visitors().SendAsync(visitor, new VisitorDetails(Language: "th"), InboundConversationsTemplate.ThaiTopics[2]);

        var topic = await Eventually.GetAsync(async () => (await _app.QueryAsync(db => db.Contacts.Where(c => c.Id == thread.ContactId)
            .Select(c => c.Fields).SingleAsync())).GetValueOrDefault(InboundConversationsTemplate.TopicField), "the topic saved from the Thai answer");

        Assert.Equal("Billing", topic);
    }
}
