using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationFacts",
                columns: table => new
                {
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChannelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkflowId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstResponseAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosingCategory = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reopened = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationFacts", x => x.ConversationId);
                });

            migrationBuilder.CreateTable(
                name: "ReportBuckets",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Opened = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    Reopened = table.Column<int>(type: "INTEGER", nullable: false),
                    Assigned = table.Column<int>(type: "INTEGER", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false),
                    NobodyAvailable = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionTimedOut = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponse = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Assignment = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Resolution = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportBuckets", x => new { x.Grain, x.Start, x.TeamId, x.Dimension, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_AssignedAt",
                table: "ConversationFacts",
                column: "AssignedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_ClosedAt",
                table: "ConversationFacts",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_FirstResponseAt",
                table: "ConversationFacts",
                column: "FirstResponseAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_OpenedAt",
                table: "ConversationFacts",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReportBuckets_Grain_Dimension_Start_TeamId_Opened",
                table: "ReportBuckets",
                columns: new[] { "Grain", "Dimension", "Start", "TeamId", "Opened" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationFacts");

            migrationBuilder.DropTable(
                name: "ReportBuckets");
        }
    }
}
