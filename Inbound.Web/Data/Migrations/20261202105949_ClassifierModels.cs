using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClassifierModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClassifierModels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LabelKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Labels = table.Column<string>(type: "TEXT", nullable: false, defaultValue: "[]"),
                    Metrics = table.Column<string>(type: "TEXT", nullable: false),
                    TrainCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOutCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Nightly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClassifierSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LabelKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    AutoApprove = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassifierModels_TrainedAt",
                table: "ClassifierModels",
                column: "TrainedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassifierModels");

            migrationBuilder.DropTable(
                name: "ClassifierSettings");
        }
    }
}
