using System.Globalization;
using System.Text.RegularExpressions;

namespace Inbound.Domain.Workflows;

/// <summary>How a branch reads the text of a field or a condition's value as a number, a date or a pattern.</summary>
public static class ConditionValues
{
    /// <summary>A pattern that backtracks badly gives up instead of holding the engine: the branch then does not match.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "o"];

    /// <summary>A number, or a date as its ticks; null when the text is neither.</summary>
    public static IComparable? Comparable(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return number;
        return Date(text) is { } date ? date : null;
    }

    public static DateTime? Date(string? text) =>
        DateTime.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    /// <summary>Compares like with like: a number with a number, a date with a date; anything else does not compare.</summary>
    public static int? Compare(string? actual, string expected) =>
        (Comparable(actual), Comparable(expected)) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (DateTime a, DateTime b) => a.CompareTo(b),
            _ => null,
        };

    public static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool Matches(string actual, string pattern)
    {
        try
        {
            return Regex.IsMatch(actual, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
