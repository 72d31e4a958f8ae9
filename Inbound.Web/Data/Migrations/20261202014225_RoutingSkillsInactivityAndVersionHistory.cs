using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RoutingSkillsInactivityAndVersionHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "WorkflowVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RolledBackFrom",
                table: "WorkflowVersions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequiredSkillsJson",
                table: "TeamQueue",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "StepId",
                table: "TeamQueue",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SkillsJson",
                table: "Agents",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "InactivityWatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OnlineOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    RespectCapacity = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiredSkillsJson = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    InactivityHoursOf = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    WhenAgentLeaves = table.Column<bool>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InactivityWatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InactivityWatches_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InactivityWatches_AgentId",
                table: "InactivityWatches",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_InactivityWatches_ConversationId",
                table: "InactivityWatches",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_InactivityWatches_DueAt",
                table: "InactivityWatches",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InactivityWatches");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "WorkflowVersions");

            migrationBuilder.DropColumn(
                name: "RolledBackFrom",
                table: "WorkflowVersions");

            migrationBuilder.DropColumn(
                name: "RequiredSkillsJson",
                table: "TeamQueue");

            migrationBuilder.DropColumn(
                name: "StepId",
                table: "TeamQueue");

            migrationBuilder.DropColumn(
                name: "SkillsJson",
                table: "Agents");
        }
    }
}
