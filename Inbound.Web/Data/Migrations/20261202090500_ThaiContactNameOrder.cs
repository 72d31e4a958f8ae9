using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inbound.Web.Data.Migrations
{
    /// <summary>
    /// The contacts list sorts names with the THAI collation (<see cref="ThaiCollation"/>); the (Name, Id) index is rebuilt
    /// in that collation so a page still walks the index instead of sorting the table. The model is unchanged (EF Core
    /// has no per-column collation in a SQLite index), so there is no snapshot change and no designer file.
    /// </summary>
    [DbContext(typeof(InboundDbContext))]
    [Migration("20261202090500_ThaiContactNameOrder")]
    public partial class ThaiContactNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Contacts_Name_Id\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_Contacts_Name_Id\" ON \"Contacts\" (\"Name\" COLLATE THAI, \"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Contacts_Name_Id\";");
            migrationBuilder.Sql("CREATE INDEX \"IX_Contacts_Name_Id\" ON \"Contacts\" (\"Name\", \"Id\");");
        }
    }
}
