using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.SqlServer.Migrations
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
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Existing applications take their organisation's current legal name. EXEC defers compiling the
            // statement until the column exists (an idempotent script compiles the whole batch first).
            migrationBuilder.Sql(
                """
                EXEC(N'UPDATE [a]
                SET [a].[OrganisationName] = [o].[LegalName]
                FROM [Applications] AS [a]
                INNER JOIN [Organisations] AS [o] ON [o].[Id] = [a].[OrganisationId];');
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
