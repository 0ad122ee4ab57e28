using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.PostgreSql.Migrations
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
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Existing applications take their organisation's current legal name.
            migrationBuilder.Sql(
                """
                UPDATE "Applications" AS a
                SET "OrganisationName" = o."LegalName"
                FROM "Organisations" AS o
                WHERE o."Id" = a."OrganisationId";
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
