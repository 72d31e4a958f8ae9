using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportSlaAndCsat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FirstResponseBreaches",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Rated1",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Rated2",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Rated3",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Rated4",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Rated5",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionBreaches",
                table: "ReportBuckets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "CsatRatedAt",
                table: "ConversationFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CsatRating",
                table: "ConversationFacts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseBreachedAt",
                table: "ConversationFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolutionBreachedAt",
                table: "ConversationFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationFacts_CsatRatedAt",
                table: "ConversationFacts",
                column: "CsatRatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConversationFacts_CsatRatedAt",
                table: "ConversationFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBreaches",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "Rated1",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "Rated2",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "Rated3",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "Rated4",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "Rated5",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "ResolutionBreaches",
                table: "ReportBuckets");

            migrationBuilder.DropColumn(
                name: "CsatRatedAt",
                table: "ConversationFacts");

            migrationBuilder.DropColumn(
                name: "CsatRating",
                table: "ConversationFacts");

            migrationBuilder.DropColumn(
                name: "FirstResponseBreachedAt",
                table: "ConversationFacts");

            migrationBuilder.DropColumn(
                name: "ResolutionBreachedAt",
                table: "ConversationFacts");
        }
    }
}
