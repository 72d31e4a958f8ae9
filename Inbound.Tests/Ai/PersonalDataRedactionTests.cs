using Inbound.Web.Ai;

namespace Inbound.Tests.Ai;

public sealed class PersonalDataRedactionTests
{
    [Theory]
    [InlineData("mail me: ana.b+shop@mail.example.co.th", "mail me: [email]")]
    [InlineData("call 081-234-5678 tonight", "call [phone] tonight")]
    [InlineData("or +66 (2) 123 4567.", "or [phone].")]
    public void Emails_and_phone_numbers_become_placeholders(string text, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.Redact(text));

    [Theory]
    [InlineData("I ordered 3 shirts in size 42 on 2026-03-02")]
    [InlineData("Room 1204, floor 12")]
    public void Short_numbers_and_dates_stay(string text) => Assert.Equal(text, PersonalDataRedaction.Redact(text));
}
