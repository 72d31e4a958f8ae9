using Inbound.Domain.Channels;
using Inbound.Web.WebChat;
using Inbound.Web.WebChat.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.WebChat;

/// <summary>A site's signed-in customers: verified by the HMAC of their id, one contact on every device.</summary>
public class WebChatIdentityTests : IAsyncLifetime
{
    private readonly InboundApp _app = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        await _app.SetWebChatSettingAsync(ChannelSettingNames.IdentitySecret, WebChatTestApp.IdentitySecret);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private VisitorVerification Verification => _app.Services.GetRequiredService<VisitorVerification>();

    private static IdentityClaim Claim(string userId, string name, string email, string? hash = null) =>
        new(userId, name, email, hash ?? IdentityHash.Compute(WebChatTestApp.IdentitySecret, userId));

    [Fact]
    public void The_hash_is_the_hex_HMAC_SHA256_of_the_user_id_as_Chatwoot_and_Intercom_compute_it()
    {
        // echo -n "user-42" | openssl dgst -sha256 -hmac "shop-identity-secret-0123456789"
        const string fromOpenSsl = "be40f0381defc68bb22a3534bedd2e03497801e8fe8ef3ff4656e578b83e2dbb";

        Assert.Equal(fromOpenSsl, IdentityHash.Compute(WebChatTestApp.IdentitySecret, "user-42"));
        Assert.True(IdentityHash.Matches(WebChatTestApp.IdentitySecret, "user-42", fromOpenSsl.ToUpperInvariant()));
        Assert.False(IdentityHash.Matches(WebChatTestApp.IdentitySecret, "user-43", fromOpenSsl));
    }

    [Fact]
    public async Task A_verified_customer_on_a_second_device_lands_on_the_same_contact_and_sees_its_history()
    {
        var laptop = (await Verification.VerifyAsync(Claim("cust-1001", "Dana Whitfield", "dana@example.com"))).Visitor;
        Assert.NotNull(laptop);
        Assert.True(await _app.Visitors().SendAsync(new ChatVisitor(WebChatTestApp.NewToken(), laptop, "198.51.100.4"), new VisitorDetails(), "Where is my parcel?"));

        // Another browser: another token, the same signed-in customer.
        var phone = new ChatVisitor(WebChatTestApp.NewToken(), (await Verification.VerifyAsync(Claim("cust-1001", "Dana Whitfield", "dana@example.com"))).Visitor, "203.0.113.4");
        var thread = await _app.Visitors().GetThreadAsync(phone);

        Assert.Contains(thread.Messages, m => m.FromVisitor && m.Body == "Where is my parcel?");
        var contact = await _app.QueryAsync(db => db.Contacts.Include(c => c.Identities).SingleAsync(c => c.Id == thread.ContactId));
        Assert.Equal(("Dana Whitfield", "dana@example.com"), (contact.Name, contact.Email));
        Assert.Equal("user-cust-1001", Assert.Single(contact.Identities).ExternalId);
    }

    [Fact]
    public async Task A_forged_hash_is_refused_with_a_clear_error_and_stores_no_identity()
    {
        var forged = Claim("cust-2002", "Mallory", "mallory@example.com", IdentityHash.Compute("a-guessed-secret-0000000000", "cust-2002"));

        var check = await Verification.VerifyAsync(forged);

        Assert.Null(check.Visitor);
        Assert.Equal("We couldn't confirm your account, so you're chatting as a guest. Your messages still reach us.", check.Error);
        // The visitor goes on anonymously: their message is stored under their own token, never under the claimed user.
        var guest = WebChatTestApp.NewVisitor();
        Assert.True(await _app.WriteAsync(guest, "Hello?"));
        Assert.False(await _app.QueryAsync(db => db.ContactIdentities.AnyAsync(i => i.ExternalId == "user-cust-2002")));
        Assert.False(await _app.QueryAsync(db => db.Contacts.AnyAsync(c => c.Email == "mallory@example.com")));
        Assert.Equal(1, await _app.MessagesOfAsync(guest));
    }

    [Fact]
    public async Task An_email_changed_on_the_site_updates_the_contact()
    {
        var before = (await Verification.VerifyAsync(Claim("cust-3003", "Sam Ortiz", "sam@old.example"))).Visitor;
        await _app.Visitors().SendAsync(new ChatVisitor(WebChatTestApp.NewToken(), before), new VisitorDetails(), "Hi, it's Sam");

        // The next visit: the site now says Sam's email is another one.
        var check = await Verification.VerifyAsync(Claim("cust-3003", "Sam Ortiz", "sam@new.example"));

        Assert.NotNull(check.Visitor);
        var email = await _app.QueryAsync(db => db.Contacts.Where(c => c.Identities.Any(i => i.ExternalId == "user-cust-3003")).Select(c => c.Email).SingleAsync());
        Assert.Equal("sam@new.example", email);
    }

    [Fact]
    public async Task Without_an_identity_secret_on_the_channel_no_claim_is_believed()
    {
        await _app.SetWebChatSettingAsync(ChannelSettingNames.IdentitySecret, null);

        var check = await Verification.VerifyAsync(Claim("cust-4004", "Kim", "kim@example.com"));

        Assert.Null(check.Visitor);
        Assert.NotNull(check.Error);
    }
}
