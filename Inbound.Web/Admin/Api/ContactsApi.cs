using System.Security.Claims;
using Inbound.Domain.Contacts;
using Inbound.Domain.Conversations;
using Inbound.Web.Admin.Audit;
using Inbound.Web.Contacts;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using static Inbound.Web.Admin.Api.AdminApi;

namespace Inbound.Web.Admin.Api;

public sealed record MergeRequest(Guid? MergeId);
public sealed record StartConversationRequest(Guid? ChannelId, string? Text);

internal static class ContactsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("contacts", Search).WithName("SearchContacts")
            .WithSummary("Contacts by name: search name, phone, email, field values and tags; filter by tag, channel, open conversation; page from 0.");
        api.MapGet("contacts/{contactId:guid}", Get).WithName("GetContact").WithSummary("A contact with identities, fields, tags and conversation timeline.");
        api.MapPut("contacts/{contactId:guid}", Edit).WithName("EditContact").WithSummary("Edit name, phone, email, fields (checked by their type) and tags.");
        api.MapPost("contacts/{contactId:guid}/merge", Merge).WithName("MergeContacts")
            .WithSummary("Merge another contact into this one; 409 while both have an open conversation.");
        api.MapPost("contacts/{contactId:guid}/conversations", StartConversation).WithName("StartConversation")
            .WithSummary("Open a conversation with the contact on one of their channels, with a first message; its source is Api.");
        api.MapGet("contact-fields", ListFields).WithName("ListContactFields").WithSummary("The custom contact fields and their types.");
        api.MapPut("contact-fields", SaveField).WithName("SaveContactField").WithSummary("Define or change a custom contact field (key, label, type, choices).");
        api.MapDelete("contact-fields/{key}", DeleteField).WithName("DeleteContactField").WithSummary("Remove a field definition; values stay on contacts as text.");
    }

    internal static async Task<Ok<ContactSearchPage>> Search(ContactDirectory contacts, CancellationToken ct,
        string? search = null, string? tag = null, Guid? channelId = null, bool? open = null, int page = 0, int pageSize = 50) =>
        TypedResults.Ok(await contacts.SearchAsync(new ContactQuery(search, tag, channelId, open, page, pageSize), ct));

    internal static async Task<Results<Ok<ContactDetails>, ProblemHttpResult>> Get(Guid contactId, ContactDirectory contacts, CancellationToken ct) =>
        await contacts.GetAsync(contactId, ct) is { } contact
            ? TypedResults.Ok(contact)
            : TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No such contact.");

    internal static async Task<Results<Ok<Guid>, ValidationProblem, ProblemHttpResult>> Edit(Guid contactId, ContactEdit request, ClaimsPrincipal user, ContactCommands commands, CancellationToken ct) =>
        Answer(await commands.EditAsync(Actor.From(user), contactId, request, ct));

    internal static async Task<Results<Ok<MergeOutcome>, ValidationProblem, ProblemHttpResult>> Merge(Guid contactId, MergeRequest request, ClaimsPrincipal user, ContactCommands commands, CancellationToken ct) =>
        request.MergeId is { } mergeId
            ? Answer(await commands.MergeAsync(Actor.From(user), contactId, mergeId, ct))
            : Answer<MergeOutcome>(AdminResults.Invalid("mergeId", "Give the id of the contact to merge into this one."));

    internal static async Task<Results<Created<StartedConversation>, ValidationProblem, ProblemHttpResult>> StartConversation(
        Guid contactId, StartConversationRequest request, ClaimsPrincipal user, InboxViewers viewers, ContactCommands commands, CancellationToken ct)
    {
        if (await ViewerAsync(user, viewers, ct) is not { } viewer) return NoViewer();
        if (request.ChannelId is not { } channelId) return Created<StartedConversation>(AdminResults.Invalid("channelId", "Choose one of the contact's channels."), _ => "");
        return Created(await commands.StartConversationAsync(viewer, contactId, channelId, request.Text ?? "", ConversationSource.Api, ct),
            started => $"/api/inbox/conversations/{started.ConversationId}");
    }

    internal static async Task<Ok<IReadOnlyList<ContactFieldDefinition>>> ListFields(ContactFields fields, CancellationToken ct) =>
        TypedResults.Ok(await fields.ListAsync(ct));

    internal static async Task<Results<Ok<ContactFieldDefinition>, ValidationProblem, ProblemHttpResult>> SaveField(ContactFieldInput request, ClaimsPrincipal user, ContactFields fields, CancellationToken ct) =>
        Answer(await fields.SaveAsync(Actor.From(user), request, ct));

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteField(string key, ClaimsPrincipal user, ContactFields fields, CancellationToken ct) =>
        NoContent(await fields.DeleteAsync(Actor.From(user), key, ct));
}
