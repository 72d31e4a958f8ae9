using System.Security.Claims;
using Inbound.Web.Accounts;
using Inbound.Web.Data;
using Inbound.Web.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inbound.Web.Channels.Media;

public static class MediaApi
{
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("media/{id:guid}", GetFile).WithTags("Media").WithName("GetAttachment")
            .WithSummary("Download an attachment; only for those who may see its conversation.")
            .RequireAuthorization(Policies.Agent);
        return app;
    }

    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetFile(Guid id, ClaimsPrincipal user, InboxViewers viewers,
        MediaLibrary media, IDbContextFactory<InboundDbContext> dbFactory, CancellationToken ct)
    {
        var notFound = TypedResults.Problem(statusCode: 404, title: "No such file");
        if (await viewers.ResolveAsync(user, ct) is not { } viewer) return notFound;
        if (await media.FindAsync(id, ct) is not { ConversationId: { } conversationId } file) return notFound;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, ct);
            // The same answer as for a missing file: whether a file exists is not for those who may not see it.
            if (conversation is null || !viewer.CanSee(conversation)) return notFound;
        }
        var stream = await media.OpenAsync(file, ct);
        // Images show inline in the thread; anything else downloads, so that a browser never renders it as a page.
        return TypedResults.Stream(stream, file.IsImage ? file.ContentType : "application/octet-stream",
            file.IsImage ? null : file.FileName, enableRangeProcessing: true);
    }
}
