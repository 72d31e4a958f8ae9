namespace Inbound.Web.Overview;

public sealed record OverviewStats(int OpenConversations, int Unassigned, int AgentsOnline, int AgentsTotal, int MessagesToday, IReadOnlyList<TeamLoad> Teams);

public sealed record TeamLoad(string Team, int Open, int Queued, int AgentsOnline, int Members);
