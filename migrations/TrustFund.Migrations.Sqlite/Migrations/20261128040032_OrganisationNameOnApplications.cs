using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationNameOnApplications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrganisationName",
                table: "Applications",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Existing applications take their organisation's current legal name.
            migrationBuilder.Sql(
                """
                UPDATE "Applications"
                SET "OrganisationName" = COALESCE(
                    (SELECT "o"."LegalName" FROM "Organisations" AS "o" WHERE "o"."Id" = "Applications"."OrganisationId"),
                    "OrganisationName");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_OrganisationName_Id",
                table: "Applications",
                columns: new[] { "OrganisationName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_OrganisationName_Id",
                table: "Applications",
                columns: new[] { "Status", "OrganisationName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_OrganisationName_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_OrganisationName_Id",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "OrganisationName",
                table: "Applications");
        }
    }
}
