using Inbound.Domain.Conversations;

namespace Inbound.Domain.Workflows.Runs;

/// <summary>Why a run is activated: it enters a step, the contact replied, its timer fired, or its HTTP call answered.</summary>
public abstract record RunInput
{
    public static readonly RunInput Enter = new EnterInput();
    public static readonly RunInput Timer = new TimerInput();
    public static RunInput Reply(Message message) => new ReplyInput(message);
    public static RunInput Http(HttpStepResponse response) => new HttpInput(response);
    public static RunInput Ai(AiStepAnswer answer) => new AiInput(answer);

    public sealed record EnterInput : RunInput;
    public sealed record TimerInput : RunInput;
    public sealed record ReplyInput(Message Message) : RunInput;
    public sealed record HttpInput(HttpStepResponse Response) : RunInput;
    public sealed record AiInput(AiStepAnswer Answer) : RunInput;
}
