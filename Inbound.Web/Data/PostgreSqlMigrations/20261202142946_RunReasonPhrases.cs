using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class RunReasonPhrases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndSaidJson",
                table: "WorkflowRuns",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndSaidJson",
                table: "WorkflowRuns");
        }
    }
}
