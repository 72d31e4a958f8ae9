using System.Globalization;
using System.Net.Mail;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>Checks a contact's answer against the question's type and returns the value to save, or null when invalid.</summary>
public static class AnswerValidation
{
    /// <param name="language">The contact's language: the options they were shown in it are accepted too, and saved as the default option.</param>
    public static string? Accept(AskQuestionStep question, string answer, string? language = null)
    {
        var text = answer.Trim();
        if (text.Length == 0) return null;
        return question.AnswerType switch
        {
            AnswerType.FreeText => text,
            AnswerType.MultipleChoice => Choice(question.Options, Translations.PickOptions(question.Options, question.Translations, language), text),
            AnswerType.Number => decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture) : null,
            AnswerType.Email => MailAddress.TryCreate(text, out var mail) && mail.Address == text && mail.Host.Contains('.') ? text : null,
            AnswerType.Phone => Phone(text),
            _ => null,
        };
    }

    /// <summary>An option by its text (any case, as shown to the contact or the default) or by its number in the list.</summary>
    private static string? Choice(List<string> options, IReadOnlyList<string> shown, string text)
    {
        var index = shown.ToList().FindIndex(o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase));
        if (index >= 0) return options[index].Trim();
        var named = options.FirstOrDefault(o => string.Equals(o.Trim(), text, StringComparison.OrdinalIgnoreCase));
        if (named is not null) return named.Trim();
        return int.TryParse(text.TrimEnd('.', ')'), out var number) && number >= 1 && number <= options.Count ? options[number - 1].Trim() : null;
    }

    private static string? Phone(string text)
    {
        if (text.Any(c => !(char.IsDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.'))) return null;
        var digits = text.Count(char.IsDigit);
        return digits is >= 6 and <= 15 ? text : null;
    }

    /// <summary>The answers a contact can pick with one tap: a multiple-choice question's options, in their order and language.</summary>
    public static IReadOnlyList<string>? QuickReplies(AskQuestionStep question, string? language = null) =>
        question.AnswerType == AnswerType.MultipleChoice && question.Options.Count > 0
            ? Translations.PickOptions(question.Options, question.Translations, language)
            : null;
}
