namespace Inbound.Web.Accounts;

/// <summary>Authorization policies by role: every role handles conversations; supervisors and admins oversee.</summary>
public static class Policies
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
}
