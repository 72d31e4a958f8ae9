using System.Net;
using System.Text.Json;

namespace Inbound.Tests.Admin;

/// <summary>Calls to api/admin as a script would make them, with a demo account's personal token.</summary>
public static class AdminClient
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The fields a 400 names in its ProblemDetails <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> InvalidFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static async Task<Guid> CreateTeamAsync(this HttpClient admin, string name) =>
        (await (await admin.PostAsJsonAsync("api/admin/teams", new { name })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
