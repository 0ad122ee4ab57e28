using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.Sqlite.Migrations
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

            // Amounts become whole cents (integers compare and sort in an index; decimal text does not).
            migrationBuilder.Sql(
                "UPDATE \"Applications\" SET \"AmountRequested\" = CAST(ROUND(CAST(\"AmountRequested\" AS REAL) * 100) AS INTEGER) WHERE \"AmountRequested\" IS NOT NULL;");

            migrationBuilder.AlterColumn<long>(
                name: "AmountRequested",
                table: "Applications",
                type: "INTEGER",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

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

            migrationBuilder.AlterColumn<decimal>(
                name: "AmountRequested",
                table: "Applications",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldPrecision: 18,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.Sql(
                "UPDATE \"Applications\" SET \"AmountRequested\" = CAST(\"AmountRequested\" AS REAL) / 100 WHERE \"AmountRequested\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_SubmittedAtUtc",
                table: "Applications",
                columns: new[] { "Status", "SubmittedAtUtc" });
        }
    }
}
