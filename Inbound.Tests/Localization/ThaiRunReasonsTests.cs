using System.Text.Json.Nodes;
using Bunit;
using Inbound.Domain.Agents;
using Inbound.Domain.Workflows.Runs;
using Inbound.Web.Localization;
using Inbound.Web.Workflows;
using Inbound.Tests.Workflows;
using Inbound.Web.Workflows.Designer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Inbound.Tests.Localization;

/// <summary>
/// A run's reasons (what each step did, why the conversation went to its agent, how the run ended) read in Thai for a
/// Thai viewer, and a run stored before its reasons were phrases still shows the English it holds.
/// </summary>
public sealed class ThaiRunReasonsTests : MudComponentTest, IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();
    private Guid _workflow, _conversation;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await ((IAsyncLifetime)_app).InitializeAsync();
        await _app.SetAvailabilityAsync("ana@inbound.local", AgentAvailability.Online);
        _workflow = await _app.PublishAsync("Straight to Sales", WorkflowTestApp.AssignStraightAway(await _app.TeamIdAsync("Sales")));
        var sent = await new ChannelClient(_app.CreateHttpClient()).SendOkAsync("reasons-1", "reasons-maria", "Where is my order?", "Maria Lopez");
        _conversation = sent.ConversationId;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await ((IAsyncLifetime)_app).DisposeAsync();
        await DisposeAsync();
    }

    [Fact]
    public async Task A_run_assigned_and_ended_shows_a_Thai_viewer_its_reasons_in_Thai()
    {
        var run = await _app.RunAsync(_conversation, r => r.Status == RunStatus.Completed, "the run to complete");
        var details = (await _app.Workflows().RunAsync(run.Id))!;
        var rows = await _app.Workflows().RunsAsync(_workflow);

        using var thai = ThaiCulture.Use();
        var steps = Render<RunStepDetails>(p => p.Add(x => x.Entries, details.Log)).Markup;
        var outcome = Render<WorkflowRunsPanel>(p => p.Add(x => x.Runs, rows)).Find("[data-testid=run-outcome]").TextContent.Trim();

        Assert.Contains("เริ่มแล้ว", steps);
        Assert.Contains("หมุนเวียน: Ana Agent รอรับการสนทนานานที่สุดจาก 1 คนที่ว่าง", steps);
        Assert.Contains("ได้รับเลือก", steps);
        Assert.Contains("จบแล้ว", steps);
        Assert.Equal("มอบหมายให้ Ana Agent", outcome);
        Assert.Equal("จบแล้ว", Say(RunOutcome.EndReason(run)));
        foreach (var english in new[] { "Started", "Round robin", "waited longest", "chosen", "Ended", "Assigned to" })
            Assert.DoesNotContain(english, steps + outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_stored_before_its_reasons_were_phrases_still_shows_its_English()
    {
        var run = await _app.RunAsync(_conversation, r => r.Status == RunStatus.Completed, "the run to complete");
        await StoreAsBeforePhrasesAsync(run.Id);
        var details = (await _app.Workflows().RunAsync(run.Id))!;
        var stored = await _app.QueryAsync(db => db.WorkflowRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id));

        using var thai = ThaiCulture.Use();
        var steps = Render<RunStepDetails>(p => p.Add(x => x.Entries, details.Log)).Markup;

        Assert.All(details.Log, e => Assert.Null(e.Said));
        Assert.Contains("Round robin: Ana Agent had waited longest for a conversation among 1 available.", steps);
        Assert.Contains("Started", steps);
        Assert.Equal("Ended", Say(RunOutcome.EndReason(stored)));
        // What the domain still knows, not the stored text, is said in Thai: the candidate's verdict.
        Assert.Contains("ได้รับเลือก", steps);
    }

    private string Say(object phrase) => Services.GetRequiredService<IStringLocalizer<Phrases>>().Say(phrase);

    /// <summary>Takes the phrases out of the stored run, as rows written before this change are.</summary>
    private Task StoreAsBeforePhrasesAsync(Guid id) => _app.QueryAsync(async db =>
    {
        var runId = id.ToString().ToUpperInvariant(); // as EF Core stores a Guid on SQLite
        var json = await db.Database.SqlQuery<string>($"SELECT LogJson AS Value FROM WorkflowRuns WHERE Id = {runId}").SingleAsync();
        var log = JsonNode.Parse(json)!.AsArray();
        foreach (var entry in log.Select(e => e!.AsObject()))
        {
            entry.Remove("said");
            (entry["decision"] as JsonObject)?.Remove("ruleSaid");
        }
        var old = log.ToJsonString();
        return await db.Database.ExecuteSqlAsync($"UPDATE WorkflowRuns SET LogJson = {old}, EndSaidJson = NULL WHERE Id = {runId}");
    });
}
