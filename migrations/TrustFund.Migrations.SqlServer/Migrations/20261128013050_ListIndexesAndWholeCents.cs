using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexesAndWholeCents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_SubmittedAtUtc",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_LegalName",
                table: "Organisations",
                column: "LegalName");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityId_Sequence",
                table: "AuditEntries",
                columns: new[] { "EntityId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_AmountRequested_Id",
                table: "Applications",
                columns: new[] { "AmountRequested", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_AmountRequested_Id",
                table: "Applications",
                columns: new[] { "Status", "AmountRequested", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_SubmittedAtUtc_Id",
                table: "Applications",
                columns: new[] { "Status", "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_Title_Id",
                table: "Applications",
                columns: new[] { "Status", "Title", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SubmittedAtUtc_Id",
                table: "Applications",
                columns: new[] { "SubmittedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Title_Id",
                table: "Applications",
                columns: new[] { "Title", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_LegalName",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityId_Sequence",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_Applications_AmountRequested_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_AmountRequested_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_SubmittedAtUtc_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Status_Title_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SubmittedAtUtc_Id",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_Title_Id",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_SubmittedAtUtc",
                table: "Applications",
                columns: new[] { "Status", "SubmittedAtUtc" });
        }
    }
}
