using Inbound.Domain.SeedWork;

namespace Inbound.Domain.Contacts;

/// <summary>A person who writes in, with one identity per channel, profile fields, custom fields and tags.</summary>
public sealed class Contact : Entity
{
    private readonly List<ContactIdentity> _identities = [];

    private Contact() { Name = ""; }

    private Contact(string name, DateTime now)
    {
        Name = name;
        CreatedAt = now;
    }

    /// <summary>What the inbox calls the contact: the name they gave, or a stand-in while they gave none.</summary>
    public string Name { get; private set; }

    /// <summary>
    /// The contact gave no name: <see cref="Name"/> is a stand-in (a web chat visitor's "Visitor 4821", an API
    /// contact's external id), fine for a list but not for greeting them.
    /// </summary>
    public bool IsAnonymous { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyCollection<ContactIdentity> Identities => _identities;

    /// <summary>Custom fields filled by people and by workflow enrichment (e.g. Topic).</summary>
    public Dictionary<string, string> Fields { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Tags { get; private set; } = [];

    /// <summary>
    /// When the contact cut the business off (blocked the LINE account): replies can no longer reach them, and agents
    /// are told so instead of finding out from a failed delivery. Null while they can be reached.
    /// </summary>
    public DateTime? UnreachableSince { get; private set; }

    /// <summary>Why they cannot be reached, in words an agent reads ("Blocked the LINE account").</summary>
    public string? UnreachableReason { get; private set; }

    public bool IsReachable => UnreachableSince is null;

    /// <summary>The contact blocked or left the channel; the first time is kept when the provider says it again.</summary>
    public void MarkUnreachable(string reason, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Say why the contact cannot be reached.");
        UnreachableSince ??= now;
        UnreachableReason = reason.Trim();
    }

    /// <summary>The contact is back (unblocked, or wrote again).</summary>
    public void MarkReachable()
    {
        UnreachableSince = null;
        UnreachableReason = null;
    }

    /// <param name="standInName">What to call a contact who gives no name; the external id when null.</param>
    public static Contact FromChannel(Guid channelId, string externalId, string? name, string? phone, string? email, DateTime now,
        string? standInName = null)
    {
        if (string.IsNullOrWhiteSpace(externalId)) throw new DomainException("A contact needs an external id on its channel.");
        var anonymous = string.IsNullOrWhiteSpace(name);
        var contact = new Contact(anonymous ? Blank(standInName) ?? externalId.Trim() : name!.Trim(), now) { IsAnonymous = anonymous };
        contact.Phone = Blank(phone);
        contact.Email = Blank(email);
        contact._identities.Add(new ContactIdentity(contact.Id, channelId, externalId.Trim()));
        return contact;
    }

    /// <summary>Fills what the channel tells us now without erasing what is known.</summary>
    public void UpdateProfile(string? name, string? phone, string? email)
    {
        if (Blank(name) is { } n)
        {
            Name = n;
            IsAnonymous = false;
        }
        if (Blank(phone) is { } p) Phone = p;
        if (Blank(email) is { } e) Email = e;
    }

    /// <summary>
    /// The contact is known by a new id on a channel from now on (a web chat visitor's rotated token): messages under
    /// the old id no longer reach this contact.
    /// </summary>
    public void ReplaceIdentity(Guid channelId, string externalId, string newExternalId)
    {
        if (string.IsNullOrWhiteSpace(newExternalId)) throw new DomainException("A contact needs an external id on its channel.");
        var identity = _identities.SingleOrDefault(i => i.ChannelId == channelId && i.ExternalId == externalId)
            ?? throw new DomainException("The contact has no such identity.");
        identity.Rename(newExternalId.Trim());
    }

    /// <summary>Sets what a person typed: a blank value clears it, and a name is never made blank.</summary>
    public void Edit(string name, string? phone, string? email)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A contact needs a name.");
        if (name.Trim() != Name) IsAnonymous = false;
        Name = name.Trim();
        Phone = Blank(phone);
        Email = Blank(email);
    }

    /// <summary>
    /// Takes in another record of the same person: their identities, and the fields, tags and profile this one lacks
    /// (what this contact already knows wins). The other contact is left empty, to be deleted.
    /// </summary>
    public void Absorb(Contact other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id == Id) throw new DomainException("A contact cannot be merged into itself.");
        foreach (var identity in other._identities.ToList())
        {
            identity.MoveTo(Id);
            _identities.Add(identity);
        }
        other._identities.Clear();
        var fields = new Dictionary<string, string>(other.Fields, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Fields) fields[key] = value;
        Fields = fields;
        foreach (var tag in other.Tags) AddTag(tag);
        if (IsAnonymous && !other.IsAnonymous)
        {
            Name = other.Name;
            IsAnonymous = false;
        }
        Phone ??= other.Phone;
        Email ??= other.Email;
        if (other.CreatedAt < CreatedAt) CreatedAt = other.CreatedAt;
    }

    public void SetField(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new DomainException("A contact field needs a name.");
        Fields = new Dictionary<string, string>(Fields, StringComparer.OrdinalIgnoreCase) { [key.Trim()] = value };
    }

    public void RemoveField(string key)
    {
        var copy = new Dictionary<string, string>(Fields, StringComparer.OrdinalIgnoreCase);
        if (copy.Remove(key)) Fields = copy;
    }

    public string? GetField(string key) => Fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// The contact field holding the language the contact reads ("th", "en"): set by the web chat from the visitor's
    /// choice, by channels that report one (LINE, Telegram), by a question saved to it or by an agent. A plain field,
    /// so that branches, questions and the contact page treat it like any other.
    /// </summary>
    public const string LanguageField = "Language";

    /// <summary>The contact's language tag, or null while it is unknown (or not a language tag).</summary>
    public string? Language => Languages.LanguageCode.Normalize(GetField(LanguageField));

    /// <summary>Sets the contact's language; a blank value forgets it.</summary>
    public void SetLanguage(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            RemoveField(LanguageField);
            return;
        }
        SetField(LanguageField, Languages.LanguageCode.Normalize(language) ?? throw new DomainException(Phrase.Of(PhraseCode.LanguageCodeInvalid, "\"{0}\" is not a language code (e.g. th, en).", language)));
    }

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    public void AddTag(string tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) throw new DomainException("A tag cannot be empty.");
        if (!HasTag(tag)) Tags = [.. Tags, tag.Trim()];
    }

    public void RemoveTag(string tag) => Tags = Tags.Where(t => !string.Equals(t, tag, StringComparison.OrdinalIgnoreCase)).ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
