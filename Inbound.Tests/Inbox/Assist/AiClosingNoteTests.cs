using Inbound.Web.Accounts;
using Inbound.Web.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Inbox.Assist;

/// <summary>The closing note keeps whether its summary is the model's draft as it was, for reports to count later.</summary>
public class AiClosingNoteTests(NoWorkflowsApp app) : IClassFixture<NoWorkflowsApp>
{
    private readonly Conversations _conversations = new(app);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_saved_closing_note_says_whether_the_summary_is_the_models_unchanged_draft(bool aiWritten)
    {
        await using var ana = await InboxUser.SignInAsync(app, "ana@inbound.local");
        var id = await _conversations.OpenAssignedAsync(ana, "Sales");
        var viewer = new InboxViewer("ana", ana.AgentId, "Ana Agent", Roles.Agent, new HashSet<Guid> { await _conversations.TeamIdAsync("Sales") });
        var category = (await app.Services.GetRequiredService<Inbound.Web.Admin.Replies.ReplyLibrary>().ClosingCategoriesAsync())[0].Name;

        var result = await app.Services.GetRequiredService<InboxCommands>().CloseAsync(viewer, id, category, "Sold the annual plan.", aiWritten: aiWritten);

        Assert.True(result.Succeeded, result.Error);
        var note = await app.QueryAsync(db => db.Conversations.AsNoTracking().Where(c => c.Id == id).Select(c => c.ClosingNote).SingleAsync());
        Assert.Equal(("Sold the annual plan.", aiWritten), (note!.Summary, note.AiWritten));
    }
}
