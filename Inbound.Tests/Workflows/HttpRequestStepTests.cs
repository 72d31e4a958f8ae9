using System.Net;
using Inbound.Domain.Workflows;
using Inbound.Domain.Workflows.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Tests.Workflows;

/// <summary>The HTTP request step against a small endpoint on loopback: JSON mapped to fields, transient errors retried.</summary>
public class HttpRequestStepTests : IAsyncLifetime
{
    private readonly InboundApp _app = new NoWorkflowsApp();
    private WebApplication _crm = null!;
    private int _flakyCalls;
    private readonly TaskCompletionSource _slowCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slowMayAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _crmUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _crm = builder.Build();
        // Fails once with 503, as a service restarting would, then answers.
        _crm.MapGet("/customers", (string email) => Interlocked.Increment(ref _flakyCalls) == 1
            ? Results.StatusCode(503)
            : Results.Json(new { customer = new { email, plan = "Gold" } }));
        _crm.MapGet("/broken", () => Results.StatusCode(500));
        // Answers only when the test lets it: a slow endpoint, without a guessed delay.
        _crm.MapGet("/slow", async () =>
        {
            _slowCalled.TrySetResult();
            await _slowMayAnswer.Task;
            return Results.Json(new { customer = new { plan = "Slow" } });
        });
        _crm.MapGet("/fast", () => Results.Json(new { customer = new { plan = "Fast" } }));
        await _crm.StartAsync();
        _crmUrl = _crm.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        _slowMayAnswer.TrySetResult();
        await ((IAsyncLifetime)_app).DisposeAsync();
        await _crm.DisposeAsync();
    }

    private Task PublishLookupAsync(string path) => _app.PublishAsync("CRM lookup", new WorkflowDefinition()
        .Add(new ConversationOpenedTrigger { Id = "trigger" })
        .Add(new HttpRequestStep { Id = "lookup", Url = _crmUrl + path, ResponseMappings = [new("customer.plan", "Plan")], TimeoutSeconds = 10 })
        .Add(new AddTagStep { Id = "ok", Tag = "crm-ok" })
        .Add(new AddTagStep { Id = "failed", Tag = "crm-failed" })
        .Add(new EndStep { Id = "end" })
        .Connect("ok", Outcomes.Next, "end")
        .Connect("failed", Outcomes.Next, "end")
        .Connect("trigger", Outcomes.Next, "lookup")
        .Connect("lookup", Outcomes.Success, "ok")
        .Connect("lookup", Outcomes.Failure, "failed"));

    private async Task<WorkflowRun> SendAndRunAsync()
    {
        var opened = await new ChannelClient(_app.CreateHttpClient()).SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "Hi");
        return await _app.RunAsync(opened.ConversationId, r => r.Status == RunStatus.Completed, "the run to complete");
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_answer_is_mapped_to_contact_fields()
    {
        await PublishLookupAsync("/customers?email=maria%40example.com");

        var run = await SendAndRunAsync();

        Assert.Equal(2, _flakyCalls);
        Assert.Contains(run.Log, e => e.NodeId == "lookup" && e.Outcome == Outcomes.Success);
        var contact = await _app.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == run.ContactId));
        Assert.Equal("Gold", contact.GetField("Plan"));
        Assert.Equal(["crm-ok"], contact.Tags);
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_takes_the_failure_outcome()
    {
        await PublishLookupAsync("/broken");

        var run = await SendAndRunAsync();

        var entry = run.Log.Single(e => e.NodeId == "lookup" && e.Outcome is not null);
        Assert.Equal(Outcomes.Failure, entry.Outcome);
        Assert.EndsWith("answered 500", entry.Detail);
        Assert.Equal("500", run.Variables["http.status"]);
    }

    [Fact]
    public async Task A_slow_endpoint_holds_up_only_its_own_run_while_other_conversations_get_their_answers()
    {
        // The URL follows the contact's first message: "slow" calls the endpoint that hangs, "fast" the one that answers.
        await _app.PublishAsync("Lookup then greet", new WorkflowDefinition()
            .Add(new ConversationOpenedTrigger { Id = "trigger" })
            .Add(new HttpRequestStep { Id = "lookup", Url = _crmUrl + "/{{message.text}}", ResponseMappings = [new("customer.plan", "Plan")], TimeoutSeconds = 60 })
            .Add(new SendMessageStep { Id = "greet", Text = "Your plan: {{contact.fields.Plan}} for \"{{message.text}}\"" })
            .Add(new EndStep { Id = "end" })
            .Connect("trigger", Outcomes.Next, "lookup")
            .Connect("lookup", Outcomes.Success, "greet")
            .Connect("lookup", Outcomes.Failure, "end")
            .Connect("greet", Outcomes.Next, "end"));
        var channel = new ChannelClient(_app.CreateHttpClient());
        var slow = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "slow");
        await _slowCalled.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var fast = await channel.SendOkAsync($"m-{Guid.NewGuid():N}", $"contact-{Guid.NewGuid():N}", "fast");

        Assert.Equal("Your plan: Fast for \"fast\"", await _app.WorkflowMessageAsync(fast.ConversationId, "Your plan"));
        var waiting = await _app.RunAsync(slow.ConversationId, _ => true, "the slow run");
        Assert.Equal((RunStatus.Waiting, RunWait.Http), (waiting.Status, waiting.WaitingFor));

        _slowMayAnswer.SetResult();
        Assert.Equal("Your plan: Slow for \"slow\"", await _app.WorkflowMessageAsync(slow.ConversationId, "Your plan"));
        var done = await _app.RunAsync(slow.ConversationId, r => r.Status == RunStatus.Completed, "the slow run to complete");
        Assert.Contains(done.Log, e => e.NodeId == "lookup" && e.Outcome == Outcomes.Success);
    }
}
