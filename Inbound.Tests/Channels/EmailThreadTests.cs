using System.Net;
using System.Net.Http.Json;
using System.Text;
using Inbound.Domain.Channels;
using Inbound.Domain.Conversations;
using Inbound.Tests.Infrastructure;
using Inbound.Web.Channels.Email;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Channels;

/// <summary>A mail in through Mailgun's inbound webhook, the agent's reply out over SMTP, the contact's answer back in the same conversation.</summary>
public sealed class EmailThreadTests : IAsyncLifetime
{
    private const string SigningKey = "mailgun-signing-key-for-tests";
    private readonly LoopbackSmtpServer _smtp = new();
    private InboundApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new InboundApp().With("Seed:DemoWorkflow", "false")
            .With("Seed:Channels:2:Key", "mail")
            .With("Seed:Channels:2:Name", "Support mail")
            .With("Seed:Channels:2:Type", nameof(ChannelType.Email))
            .With("Seed:Channels:2:Secret", SigningKey)
            .With($"Seed:Channels:2:Settings:{ChannelSettingNames.SmtpServer}", $"127.0.0.1:{_smtp.Port}")
            .With($"Seed:Channels:2:Settings:{ChannelSettingNames.FromAddress}", "support@shop.example.com");
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostMailAsync(Dictionary<string, string> fields, string? key = SigningKey)
    {
        var timestamp = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds().ToString();
        var token = Guid.NewGuid().ToString("N");
        // Fields Mailgun always posts (see Payloads/README.md), unless a test says otherwise.
        fields.TryAdd("recipient", "support@shop.example.com");
        fields.TryAdd("message-headers", "[]");
        fields["timestamp"] = timestamp;
        fields["token"] = token;
        fields["signature"] = MailgunSignature.Sign(timestamp, token, Encoding.UTF8.GetBytes(key ?? ""));
        return _app.CreateHttpClient().PostAsync("api/channels/mail/email", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task An_inbound_mail_the_agents_smtp_reply_and_the_contacts_answer_make_one_thread()
    {
        using var first = await PostMailAsync(new()
        {
            ["sender"] = "maria@example.org", ["from"] = "Maria Lopez <maria@example.org>", ["subject"] = "Order 1042",
            ["Message-Id"] = "<first-1042@example.org>",
            ["body-plain"] = "Hi, where is my order 1042?\n\n-- \nMaria Lopez\nSent from my phone",
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var conversation = await Eventually.GetAsync(() => _app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync()), "the conversation");
        var received = await _app.QueryAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Direction == MessageDirection.Inbound));
        // The signature is trimmed from what the agent reads; the full mail is kept with the message.
        Assert.Equal("Hi, where is my order 1042?", received.Body);
        Assert.Single(received.AttachmentIds!);

        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        await new Conversations(_app).AssignAsync(conversation.Id, ana.AgentId, await new Conversations(_app).TeamIdAsync("Sales"));
        using var reply = await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{conversation.Id}/replies", new { text = "It ships tomorrow." });
        Assert.True(reply.IsSuccessStatusCode);

        var mail = await _smtp.MailAsync(m => m.TextBody?.Contains("It ships tomorrow.") == true, "the reply at the SMTP server");
        Assert.Equal("maria@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("first-1042@example.org", mail.InReplyTo);
        Assert.Contains("first-1042@example.org", mail.References);
        Assert.Equal($"reply+{conversation.Id:N}@shop.example.com", mail.ReplyTo.Mailboxes.Single().Address);
        await _app.DeliveryAsync(conversation.Id, "It ships tomorrow.", DeliveryStatus.Sent);

        using var answer = await PostMailAsync(new()
        {
            ["sender"] = "maria@example.org", ["recipient"] = $"reply+{conversation.Id:N}@shop.example.com", ["subject"] = "Re: Order 1042",
            ["Message-Id"] = "<second-1042@example.org>", ["In-Reply-To"] = $"<{mail.MessageId}>", ["References"] = $"<first-1042@example.org> <{mail.MessageId}>",
            ["body-html"] = "<p>Great, <b>thanks</b> &amp; bye!</p><blockquote>It ships tomorrow.</blockquote>",
            ["stripped-text"] = "Great, thanks & bye!",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var thread = await _app.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound).OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Equal(["Hi, where is my order 1042?", "Great, thanks & bye!"], thread.Select(m => m.Body));
        Assert.All(thread, m => Assert.Equal(conversation.Id, m.ConversationId));
    }

    /// <summary>Maria's first mail, assigned to Ana, and Ana's reply at the SMTP server.</summary>
    private async Task<(Guid Conversation, InboxUser Ana, MimeKit.MimeMessage Reply)> RepliedThreadAsync()
    {
        using var first = await PostMailAsync(new()
        {
            ["sender"] = "maria@example.org", ["from"] = "Maria Lopez <maria@example.org>", ["subject"] = "Order 1042",
            ["Message-Id"] = "<first-1042@example.org>", ["body-plain"] = "Where is my order 1042?",
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var conversation = await Eventually.GetAsync(() => _app.QueryAsync(db => db.Conversations.AsNoTracking().FirstOrDefaultAsync()), "the conversation");
        var ana = await InboxUser.SignInAsync(_app, "ana@inbound.local");
        await new Conversations(_app).AssignAsync(conversation.Id, ana.AgentId, await new Conversations(_app).TeamIdAsync("Sales"));
        (await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{conversation.Id}/replies", new { text = "It ships tomorrow." })).EnsureSuccessStatusCode();
        var reply = await _smtp.MailAsync(m => m.TextBody?.Contains("It ships tomorrow.") == true, "the reply at the SMTP server");
        return (conversation.Id, ana, reply);
    }

    private Task<List<Message>> InboundOfAsync(Guid conversationId) =>
        _app.QueryAsync(db => db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.Inbound)
            .OrderBy(m => m.CreatedAt).ToListAsync());

    [Fact]
    public async Task A_reply_from_another_address_naming_our_message_id_lands_in_the_open_conversation()
    {
        var (conversation, _, reply) = await RepliedThreadAsync();

        using var answer = await PostMailAsync(new()
        {
            ["sender"] = "maria.lopez@work.example.net", ["from"] = "M. Lopez <maria.lopez@work.example.net>", ["subject"] = "Re: your message",
            ["recipient"] = "support@shop.example.com", ["Message-Id"] = "<from-work@example.net>",
            ["In-Reply-To"] = $"<{reply.MessageId}>", ["References"] = $"<first-1042@example.org> <{reply.MessageId}>",
            ["body-plain"] = "Thanks, writing from work.",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(["Where is my order 1042?", "Thanks, writing from work."], (await InboundOfAsync(conversation)).Select(m => m.Body));
        var contacts = await _app.QueryAsync(db => db.Contacts.AsNoTracking().ToListAsync());
        // No second contact for the work address, and Maria's own address is kept.
        Assert.Equal("maria@example.org", Assert.Single(contacts).Email);
    }

    [Fact]
    public async Task A_mail_to_the_conversations_reply_address_lands_in_it_without_any_thread_headers()
    {
        var (conversation, _, _) = await RepliedThreadAsync();

        using var answer = await PostMailAsync(new()
        {
            ["sender"] = "m.lopez@elsewhere.example", ["recipient"] = $"reply+{conversation:N}@shop.example.com", ["subject"] = "One more thing",
            ["Message-Id"] = "<no-headers@elsewhere.example>", ["body-plain"] = "Can you gift wrap it?",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(["Where is my order 1042?", "Can you gift wrap it?"], (await InboundOfAsync(conversation)).Select(m => m.Body));
        Assert.Equal(1, await _app.QueryAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task A_reply_to_a_closed_conversation_opens_a_new_one_for_the_same_contact()
    {
        var (conversation, ana, reply) = await RepliedThreadAsync();
        (await ana.Http().PostAsJsonAsync($"api/inbox/conversations/{conversation}/close", new { category = "Resolved", summary = "Shipped" })).EnsureSuccessStatusCode();

        using var answer = await PostMailAsync(new()
        {
            ["sender"] = "maria.lopez@work.example.net", ["recipient"] = $"reply+{conversation:N}@shop.example.com", ["subject"] = "Re: your message",
            ["Message-Id"] = "<after-close@example.net>", ["In-Reply-To"] = $"<{reply.MessageId}>", ["body-plain"] = "It never arrived.",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var conversations = await _app.QueryAsync(db => db.Conversations.AsNoTracking().OrderBy(c => c.OpenedAt).ToListAsync());
        Assert.Equal(2, conversations.Count);
        var reopened = conversations.Single(c => c.Id != conversation);
        Assert.Equal(ConversationStatus.Open, reopened.Status);
        Assert.Equal(conversations.Single(c => c.Id == conversation).ContactId, reopened.ContactId);
        Assert.Equal(["It never arrived."], (await InboundOfAsync(reopened.Id)).Select(m => m.Body));
        Assert.Equal(["Where is my order 1042?"], (await InboundOfAsync(conversation)).Select(m => m.Body));
    }

    [Fact]
    public async Task A_mail_with_a_wrong_or_missing_signature_is_refused_and_nothing_is_stored()
    {
        using var response = await PostMailAsync(new() { ["sender"] = "x@example.org", ["Message-Id"] = "<x@example.org>", ["body-plain"] = "Hi" }, key: "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await _app.QueryAsync(db => db.Messages.ToListAsync()));
    }

    [Fact]
    public void Html_mail_is_shown_as_safe_text_and_quoted_history_is_trimmed()
    {
        Assert.Equal("Hello\nWorld & co", MailText.FromHtml("<div>Hello</div><script>alert(1)</script><p>World &amp; co</p>"));
        Assert.Equal("Sounds good.", MailText.Trim("Sounds good.\n\nOn Mon, 1 Dec 2026 at 10:00, Shop <support@shop.example.com> wrote:\n> It ships tomorrow."));
    }
}
