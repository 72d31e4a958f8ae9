using Inbound.Web.Accounts;

namespace Inbound.Web.Data.Seeding;

/// <summary>The demo people: who they are, their role and their teams.</summary>
public static class DemoAccounts
{
    public sealed record DemoAccount(string Name, string Email, string Role, string[] Teams, int Capacity = 5);

    public static readonly string[] Teams = ["Sales", "Support", "Billing"];

    public static readonly DemoAccount[] All =
    [
        new("Alex Admin", "admin@inbound.local", Roles.Admin, []),
        new("Sam Supervisor", "supervisor@inbound.local", Roles.Supervisor, ["Sales", "Support", "Billing"]),
        new("Ana Agent", "ana@inbound.local", Roles.Agent, ["Sales"]),
        new("Ben Agent", "ben@inbound.local", Roles.Agent, ["Support"]),
        new("Carla Agent", "carla@inbound.local", Roles.Agent, ["Support", "Billing"]),
        new("Dev Agent", "dev@inbound.local", Roles.Agent, ["Billing", "Sales"]),
    ];
}
