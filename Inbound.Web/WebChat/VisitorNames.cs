using System.Security.Cryptography;
using System.Text;

namespace Inbound.Web.WebChat;

/// <summary>Readable stand-in names for visitors who give none: "Visitor 4821", the same for the same browser.</summary>
public static class VisitorNames
{
    public static string For(string visitorId, string format)
    {
        // A hash rather than a counter: the name is known before the contact exists, and the same browser gets it again.
        var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(visitorId)), 0);
        var number = (1000 + hash % 9000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return format.Contains("{number}", StringComparison.Ordinal) ? format.Replace("{number}", number, StringComparison.Ordinal) : $"{format} {number}";
    }
}
