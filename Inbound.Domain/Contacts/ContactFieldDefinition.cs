using System.Globalization;
using System.Text.RegularExpressions;
using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Contacts;

/// <summary>
/// A custom contact field an admin defined (Topic, Plan, Birthday…): its key is what workflows and the contact's
/// <see cref="Contact.Fields"/> use, its type decides which values it accepts.
/// </summary>
public sealed partial class ContactFieldDefinition : Entity
{
    private ContactFieldDefinition() { Key = Label = ""; }

    public ContactFieldDefinition(string key, string label, ContactFieldType type, IReadOnlyList<string>? choices = null)
    {
        if (string.IsNullOrWhiteSpace(key) || !KeyPattern().IsMatch(key.Trim()))
            throw new DomainException(Phrase.Of(PhraseCode.ContactFieldKeyInvalid, "A field's key is letters, digits and underscores, starting with a letter (e.g. Topic, plan_level)."));
        Key = key.Trim();
        Label = Key;
        Update(label, type, choices);
    }

    public string Key { get; private set; }
    public string Label { get; private set; }
    public ContactFieldType Type { get; private set; }

    /// <summary>The allowed values of a <see cref="ContactFieldType.Choice"/> field.</summary>
    public List<string> Choices { get; private set; } = [];

    public void Update(string label, ContactFieldType type, IReadOnlyList<string>? choices)
    {
        if (!Enum.IsDefined(type)) throw new DomainException(Phrase.Of(PhraseCode.ContactFieldTypeUnknown, "Unknown field type."));
        var options = (choices ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (type == ContactFieldType.Choice && options.Count == 0) throw new DomainException(Phrase.Of(PhraseCode.ContactFieldChoicesMissing, "A choice field needs at least one choice."));
        Label = string.IsNullOrWhiteSpace(label) ? Key : label.Trim();
        Type = type;
        Choices = type == ContactFieldType.Choice ? options : [];
    }

    /// <summary>The value as stored (trimmed, a choice in its defined spelling, a date as yyyy-MM-dd), or the reason it does not fit.</summary>
    public (string? Value, Phrase? Error) Normalize(string? input)
    {
        var value = (input ?? "").Trim();
        if (value.Length == 0) return ("", null);
        return Type switch
        {
            ContactFieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? (n.ToString(CultureInfo.InvariantCulture), null) : (null, Phrase.Of(PhraseCode.ContactFieldNotNumber, "{0} must be a number.", Label)),
            ContactFieldType.Date => DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d)
                ? (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null) : (null, Phrase.Of(PhraseCode.ContactFieldNotDate, "{0} must be a date (yyyy-mm-dd).", Label)),
            ContactFieldType.Choice => Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) is { } choice
                ? (choice, null) : (null, Phrase.Of(PhraseCode.ContactFieldNotChoice, "{0} must be one of: {1}.", Label, new PhraseList(", ", [.. Choices]))),
            ContactFieldType.Email => EmailPattern().IsMatch(value) ? (value, null) : (null, Phrase.Of(PhraseCode.ContactFieldNotEmail, "{0} must be an email address.", Label)),
            ContactFieldType.Phone => PhonePattern().IsMatch(value) ? (value, null) : (null, Phrase.Of(PhraseCode.ContactFieldNotPhone, "{0} must be a phone number (digits, spaces, + - ( )).", Label)),
            _ => value.Length <= 1000 ? (value, null) : (null, Phrase.Of(PhraseCode.ContactFieldTooLong, "{0} is at most {1} characters.", Label, 1000)),
        };
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,49}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{5,25}$")]
    private static partial Regex PhonePattern();
}
