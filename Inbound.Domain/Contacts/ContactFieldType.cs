namespace Inbound.Domain.Contacts;

/// <summary>What a custom contact field holds; input is checked against it.</summary>
public enum ContactFieldType
{
    Text,
    Number,
    Date,
    Choice,
    Email,
    Phone,
}
