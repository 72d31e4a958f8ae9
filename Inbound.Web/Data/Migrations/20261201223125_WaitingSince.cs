using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WaitingSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSince",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            // Conversations already waiting in a queue: from when they were queued, else from their last change.
            migrationBuilder.Sql("""
                UPDATE "Conversations" SET "WaitingSince" = COALESCE(
                    (SELECT q."QueuedAt" FROM "TeamQueue" q WHERE q."ConversationId" = "Conversations"."Id"), "LastActivityAt")
                WHERE "Status" = 'Open' AND "AssigneeId" IS NULL AND "TeamId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "Conversations");
        }
    }
}
