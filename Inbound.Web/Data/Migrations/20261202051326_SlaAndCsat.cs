using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaAndCsat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "FirstResponseTarget",
                table: "Teams",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "ResolutionTarget",
                table: "Teams",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CsatComment",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CsatOpenUntil",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CsatRatedAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CsatRating",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionDueAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaCheckAt",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SlaTeamId",
                table: "Conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SlaBreaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BreachedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlaBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlaBreaches_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SlaCheckAt",
                table: "Conversations",
                column: "SlaCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_AgentId_BreachedAt",
                table: "SlaBreaches",
                columns: new[] { "AgentId", "BreachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_ConversationId_Kind",
                table: "SlaBreaches",
                columns: new[] { "ConversationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlaBreaches_TeamId_BreachedAt",
                table: "SlaBreaches",
                columns: new[] { "TeamId", "BreachedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlaBreaches");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_SlaCheckAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseTarget",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "ResolutionTarget",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "CsatComment",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CsatOpenUntil",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CsatRatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CsatRating",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionDueAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaCheckAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaTeamId",
                table: "Conversations");
        }
    }
}
