using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactIsAnonymous : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAnonymous",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // A contact stored before this column whose name is one of its external ids gave no name of its own.
            migrationBuilder.Sql(
                "UPDATE \"Contacts\" SET \"IsAnonymous\" = 1 WHERE \"Name\" IN " +
                "(SELECT \"ExternalId\" FROM \"ContactIdentities\" WHERE \"ContactIdentities\".\"ContactId\" = \"Contacts\".\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsAnonymous",
                table: "Contacts");
        }
    }
}
