namespace Inbound.Domain.Workflows;

public enum AnswerType
{
    FreeText,
    MultipleChoice,
    Number,
    Email,
    Phone,
}
