using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AwaitingReplySince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AwaitingReplySince",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            // Open conversations already waiting keep their place: the oldest inbound message no agent's reply came after.
            migrationBuilder.Sql("""
                UPDATE "Conversations" SET "AwaitingReplySince" = (
                    SELECT MIN(m."CreatedAt") FROM "Messages" m
                    WHERE m."ConversationId" = "Conversations"."Id" AND m."Direction" = 'Inbound'
                      AND NOT EXISTS (SELECT 1 FROM "Messages" o WHERE o."ConversationId" = m."ConversationId"
                                      AND o."Direction" = 'Outbound' AND o."AuthorKind" = 'Agent'
                                      AND o."CreatedAt" >= m."CreatedAt"))
                WHERE "Status" = 'Open';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitingReplySince",
                table: "Conversations");
        }
    }
}
