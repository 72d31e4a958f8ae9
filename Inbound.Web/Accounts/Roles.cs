namespace Inbound.Web.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Supervisor = "Supervisor";
    public const string Agent = "Agent";

    public static readonly string[] All = [Admin, Supervisor, Agent];
}
