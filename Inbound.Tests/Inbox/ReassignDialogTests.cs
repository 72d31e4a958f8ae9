using Bunit;
using Inbound.Domain.Agents;
using Inbound.Web.Accounts;
using Inbound.Web.Inbox;
using Inbound.Web.Inbox.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Inbound.Tests.Inbox;

public class ReassignDialogTests : MudComponentTest
{
    private static readonly AgentOption Ana = new(Guid.NewGuid(), "Ana Agent", AgentAvailability.Online, Roles.Agent, 2, 5, InTeam: true);
    private static readonly AgentOption Dev = new(Guid.NewGuid(), "Dev Agent", AgentAvailability.Offline, Roles.Agent, 0, 5, InTeam: true);
    private static readonly AgentOption Ben = new(Guid.NewGuid(), "Ben Agent", AgentAvailability.Online, Roles.Agent, 5, 5, InTeam: false);
    private static readonly AgentOption Sam = new(Guid.NewGuid(), "Sam Supervisor", AgentAvailability.Online, Roles.Supervisor, 0, 5, InTeam: true);

    private static readonly ReassignTargets Targets = new([Ana, Dev, Ben, Sam],
        [new TeamChoice(Guid.NewGuid(), "Billing", 0), new TeamChoice(Guid.NewGuid(), "Sales", 1)], "Sales");

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(bool asSupervisor = false)
    {
        RenderPopovers();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ReassignDialog>("Reassign",
            new DialogParameters<ReassignDialog> { { d => d.Targets, Targets }, { d => d.CanOverrideCapacity, asSupervisor } }));
        return (provider, dialog);
    }

    private static void Pick(IRenderedComponent<MudDialogProvider> provider, string name) =>
        provider.Find($"[data-agent='{name}'] input").Click();

    [Fact]
    public async Task Agents_of_the_team_come_first_with_availability_and_load_and_supervisors_apart()
    {
        var (provider, _) = await OpenAsync();

        Assert.Equal(["Sales team", "Other agents", "Supervisors and admins"],
            provider.FindAll("[data-testid=reassign-group]").Select(g => g.TextContent.Trim()));
        var rows = provider.FindAll("[data-testid=reassign-agent-option]").Select(r => r.GetAttribute("data-agent")).ToList();
        Assert.Equal(["Ana Agent", "Dev Agent", "Ben Agent", "Sam Supervisor"], rows);
        var ana = provider.Find("[data-agent='Ana Agent']");
        Assert.Contains("Online", ana.QuerySelector("[data-testid=availability]")!.TextContent);
        Assert.Equal("2/5 open", ana.QuerySelector("[data-testid=load]")!.TextContent.Trim());
        Assert.Contains("(supervisor)", provider.Find("[data-agent='Sam Supervisor']").TextContent);
    }

    [Theory]
    [InlineData("Dev Agent", "Dev Agent is offline")]
    public async Task Picking_an_agent_who_would_leave_it_waiting_warns_before_confirming(string name, string warning)
    {
        var (provider, _) = await OpenAsync();
        Assert.Empty(provider.FindAll("[data-testid=reassign-warning]"));

        Pick(provider, name);

        Assert.Contains(warning, provider.Find("[data-testid=reassign-warning]").TextContent);
        Assert.False(provider.Find("[data-testid=reassign-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_agent_cannot_hand_a_conversation_to_someone_at_capacity()
    {
        var (provider, _) = await OpenAsync();

        Pick(provider, "Ben Agent");

        Assert.Contains("5 of 5 open conversations", provider.Find("[data-testid=reassign-warning]").TextContent);
        Assert.Contains("Only a supervisor", provider.Find("[data-testid=reassign-capacity-refused]").TextContent);
        Assert.True(provider.Find("[data-testid=reassign-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_supervisor_assigns_over_capacity_only_after_ticking_that_they_mean_it()
    {
        var (provider, dialog) = await OpenAsync(asSupervisor: true);

        Pick(provider, "Ben Agent");
        Assert.True(provider.Find("[data-testid=reassign-confirm]").HasAttribute("disabled"));
        Assert.Contains("goes to 6 of 5", provider.Find("[data-testid=reassign-over-capacity]").TextContent);
        provider.Find("[data-testid=reassign-over-capacity] input").Change(true);
        provider.Find("[data-testid=reassign-confirm]").Click();

        var result = await dialog.Result;
        Assert.Equal(new ReassignRequest(Ben.Id, null, OverCapacity: true), result!.Data);
    }

    [Fact]
    public async Task Picking_a_free_agent_warns_of_nothing_and_returns_them()
    {
        var (provider, dialog) = await OpenAsync();

        Pick(provider, "Ana Agent");
        Assert.Empty(provider.FindAll("[data-testid=reassign-warning]"));
        provider.Find("[data-testid=reassign-confirm]").Click();

        var result = await dialog.Result;
        Assert.Equal(new ReassignRequest(Ana.Id, null), result!.Data);
    }

    [Fact]
    public async Task A_team_with_nobody_free_warns_that_the_conversation_waits_in_its_queue()
    {
        var (provider, _) = await OpenAsync();

        provider.FindAll("[data-testid=reassign-dialog] .mud-toggle-item").Single(b => b.TextContent.Contains("team's queue")).Click();
        provider.FindAll("[data-testid=reassign-team-option]").Single(o => o.TextContent.Contains("Billing")).QuerySelector("input")!.Click();

        Assert.Contains("Nobody in Billing is online", provider.Find("[data-testid=reassign-warning]").TextContent);
    }
}
