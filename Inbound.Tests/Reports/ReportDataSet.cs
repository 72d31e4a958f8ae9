using Inbound.Domain.Agents;
using Inbound.Domain.Assignment;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Domain.Sla;
using Inbound.Domain.Teams;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Data;
using Inbound.Web.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbound.Tests.Reports;

/// <summary>
/// A fixed week of conversations, written with the domain's own methods at chosen instants (the clock is whatever each
/// step says), then projected into the reports. Week of Monday 2 March 2026; Berlin is UTC+1 then. Every figure the
/// tests expect is worked out by hand in <see cref="ReportFiguresTests"/> from the timeline below.
/// </summary>
public sealed class ReportDataSet
{
    public static readonly DateOnly Monday = new(2026, 3, 2);
    public static readonly DateOnly Sunday = new(2026, 3, 8);

    public Guid Alpha { get; private set; }
    public Guid Beta { get; private set; }
    public Guid Ada { get; private set; }
    public Guid Bo { get; private set; }
    public Guid WebChat { get; private set; }
    public Guid Api { get; private set; }
    public Guid Workflow { get; private set; }
    public Dictionary<string, Guid> Conversations { get; } = [];

    /// <summary>An instant in March 2026, UTC.</summary>
    private static DateTime At(int day, int hour, int minute, int second = 0) => new(2026, 3, day, hour, minute, second, DateTimeKind.Utc);

    private static DateTime February(int day, int hour, int minute) => new(2026, 2, day, hour, minute, 0, DateTimeKind.Utc);

    public static async Task<ReportDataSet> SeedAsync(InboundApp app)
    {
        var set = new ReportDataSet();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<InboundDbContext>>().CreateDbContextAsync())
        {
            var alpha = new Team($"Alpha {Guid.NewGuid():N}"[..14]);
            var beta = new Team($"Beta {Guid.NewGuid():N}"[..13]);
            var ada = new Agent("Ada Report", $"ada-{Guid.NewGuid():N}@example.com");
            var bo = new Agent("Bo Report", $"bo-{Guid.NewGuid():N}@example.com");
            db.AddRange(alpha, beta, ada, bo);
            (set.Alpha, set.Beta, set.Ada, set.Bo) = (alpha.Id, beta.Id, ada.Id, bo.Id);
            set.WebChat = await db.Channels.Where(c => c.Key == InboundApp.WebChatChannelKey).Select(c => c.Id).SingleAsync();
            set.Api = await db.Channels.Where(c => c.Key == InboundApp.ApiChannelKey).Select(c => c.Id).SingleAsync();
            var workflow = await db.Workflows.Include(w => w.Versions).FirstAsync(w => w.Name == InboundConversationsTemplate.Name);
            set.Workflow = workflow.Id;
            var version = workflow.ActiveVersion!;

            Contact Contact(string name, Guid channel) { var c = Inbound.Domain.Contacts.Contact.FromChannel(channel, $"r-{Guid.NewGuid():N}", name, null, null, February(1, 0, 0)); db.Add(c); return c; }
            Conversation Open(string key, Contact contact, Guid channel, ConversationSource source, DateTime at)
            {
                var c = Conversation.Open(contact.Id, channel, source, at);
                db.Add(c);
                set.Conversations[key] = c.Id;
                return c;
            }
            void Reply(Conversation c, Guid agent, DateTime at) => db.Add(c.Reply(AuthorKind.Agent, agent, "On it", at));
            void Close(Conversation c, string category, Guid agent, DateTime at) => c.Close(new ClosingNote(category, "Done"), agent, at);
            void Run(Conversation c, Guid contact, DateTime at, RunLogEntry entry)
            {
                var run = new WorkflowRun(workflow.Id, workflow.Name, version.Id, version.Number, c.Id, contact, null, "start", at);
                run.Record(entry);
                db.Add(run);
            }
            void Breach(Conversation c, Guid team, SlaKind kind, DateTime seen) => db.Add(new SlaBreach(c.Id, team, c.AssigneeId, kind, seen.AddMinutes(-1), seen));
            void Rate(Conversation c, DateTime asked, DateTime rated, int rating, string? comment)
            {
                db.Add(c.AskForRating("How did we do?", TimeSpan.FromDays(7), asked));
                db.Add(c.ReceiveCsatAnswer(rating.ToString(), null, rated));
                if (comment is not null) db.Add(c.ReceiveCsatAnswer(comment, null, rated.AddMinutes(1)));
            }
            AssignmentDecision Decision(Guid? chosen, int? position = null) => new(chosen, "round robin", []) { QueuePosition = position };

            var anna = Contact("Anna Alpha", set.WebChat);
            // A1: Monday 09:00, assigned after 30 s, answered after 60 s, closed after 10 min. The workflow assigned it.
            var a1 = Open("A1", anna, set.WebChat, ConversationSource.Contact, At(2, 9, 0));
            a1.AssignTo(ada.Id, alpha.Id, At(2, 9, 0, 30));
            Reply(a1, ada.Id, At(2, 9, 1));
            Close(a1, "Billing question", ada.Id, At(2, 9, 10));
            Run(a1, anna.Id, At(2, 9, 0), new RunLogEntry("assign", NodeKind.AssignTo, "Assign", At(2, 9, 0, 30), Outcomes.Assigned, "", Decision(ada.Id)));
            // A5: the same contact again at 20:00, less than a day after A1 closed: reopened. Assigned after 15 s, closed after 30 min, never answered.
            var a5 = Open("A5", anna, set.WebChat, ConversationSource.Contact, At(2, 20, 0));
            a5.AssignTo(ada.Id, alpha.Id, At(2, 20, 0, 15));
            Close(a5, "Bug report", ada.Id, At(2, 20, 30));

            // A2: Monday 10:00, assigned after 2 min, answered after 5 min, closed after 1 h. The workflow found nobody.
            var carl = Contact("Carl Alpha", set.WebChat);
            var a2 = Open("A2", carl, set.WebChat, ConversationSource.Contact, At(2, 10, 0));
            a2.AssignTo(ada.Id, alpha.Id, At(2, 10, 2));
            Reply(a2, ada.Id, At(2, 10, 5));
            Close(a2, "Billing question", ada.Id, At(2, 11, 0));
            Run(a2, carl.Id, At(2, 10, 0), new RunLogEntry("assign", NodeKind.AssignTo, "Assign", At(2, 10, 0), Outcomes.NobodyAvailable, "", Decision(null)));

            // A3: Tuesday 23:30, over midnight: assigned after 15 min, answered at 00:10 (40 min), closed Wednesday 01:30 (2 h).
            var dora = Contact("Dora Alpha", set.WebChat);
            var a3 = Open("A3", dora, set.WebChat, ConversationSource.Contact, At(3, 23, 30));
            a3.AssignTo(ada.Id, alpha.Id, At(3, 23, 45));
            Reply(a3, ada.Id, At(4, 0, 10));
            Close(a3, "Bug report", ada.Id, At(4, 1, 30));

            // A4: Wednesday 14:00, assigned after 1 min, answered after 3 min, still open. Its workflow's question went unanswered.
            var emil = Contact("Emil Alpha", set.WebChat);
            var a4 = Open("A4", emil, set.WebChat, ConversationSource.Contact, At(4, 14, 0));
            a4.AssignTo(ada.Id, alpha.Id, At(4, 14, 1));
            Reply(a4, ada.Id, At(4, 14, 3));
            Run(a4, emil.Id, At(4, 14, 0), new RunLogEntry("ask", NodeKind.AskQuestion, "Ask", At(4, 14, 0), Outcomes.Timeout, "No answer"));

            // B1: Thursday 08:00 through the API, queued in Beta by the workflow, nobody took it.
            var fritz = Contact("Fritz Beta", set.Api);
            var b1 = Open("B1", fritz, set.Api, ConversationSource.Api, At(5, 8, 0));
            b1.RouteToTeam(beta.Id, At(5, 8, 0));
            Run(b1, fritz.Id, At(5, 8, 0), new RunLogEntry("assign", NodeKind.AssignTo, "Assign", At(5, 8, 0), Outcomes.NobodyAvailable, "", Decision(null, 1)));

            // B2: Sunday 23:30 UTC, which is Monday 00:30 in Berlin: in the UTC week, not in the Berlin one. Assigned after 1 min, closed after the week.
            var gina = Contact("Gina Beta", set.Api);
            var b2 = Open("B2", gina, set.Api, ConversationSource.Api, At(8, 23, 30));
            b2.AssignTo(bo.Id, beta.Id, At(8, 23, 31));
            Close(b2, "Sales lead", bo.Id, new DateTime(2026, 3, 9, 0, 30, 0, DateTimeKind.Utc));

            // B3: opened before the week (Saturday 28 February 22:00), closed inside it on Monday 08:00: 34 h to resolve.
            var hans = Contact("Hans Beta", set.Api);
            var b3 = Open("B3", hans, set.Api, ConversationSource.Api, February(28, 22, 0));
            b3.AssignTo(bo.Id, beta.Id, February(28, 22, 5));
            Reply(b3, bo.Id, February(28, 22, 10));
            Close(b3, "Sales lead", bo.Id, At(2, 8, 0));

            // SLA breaches, counted when the check saw them: A3's first reply (Tuesday 23:50 UTC, Wednesday 00:50 in Berlin),
            // A4's resolution (Thursday 14:00), B1's first reply (Thursday 09:00); B3's late reply before the week and B1's
            // resolution after it (Monday 9 March) fall outside it.
            Breach(a3, alpha.Id, SlaKind.FirstResponse, At(3, 23, 50));
            Breach(a4, alpha.Id, SlaKind.Resolution, At(5, 14, 0));
            Breach(b1, beta.Id, SlaKind.FirstResponse, At(5, 9, 0));
            Breach(b3, beta.Id, SlaKind.FirstResponse, February(28, 22, 8));
            Breach(b1, beta.Id, SlaKind.Resolution, new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc));

            // CSAT, counted when rated: A1 5 with a comment (Monday 09:12); A2, closed Monday, rated 2 with a comment on
            // Sunday 23:30 UTC (Monday 00:30 next week in Berlin); A3 4 (Wednesday 02:00); B3 3 (Monday 08:05); B2 5 after the week.
            Rate(a1, At(2, 9, 11), At(2, 9, 12), 5, "Quick and kind");
            Rate(a2, At(2, 11, 1), At(8, 23, 30), 2, "Took too long");
            Rate(a3, At(4, 1, 31), At(4, 2, 0), 4, null);
            Rate(b3, At(2, 8, 1), At(2, 8, 5), 3, null);
            Rate(b2, new DateTime(2026, 3, 9, 0, 31, 0, DateTimeKind.Utc), new DateTime(2026, 3, 9, 0, 40, 0, DateTimeKind.Utc), 5, null);

            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<ReportProjection>().RefreshAsync(set.Conversations.Values.ToList());
        return set;
    }
}
