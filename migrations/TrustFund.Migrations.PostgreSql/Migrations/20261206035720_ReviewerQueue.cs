using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ReviewerQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewAssignments_ReviewerId_Status_DueOn",
                table: "ReviewAssignments");

            migrationBuilder.AddColumn<string>(
                name: "ApplicationReference",
                table: "ReviewAssignments",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicationTitle",
                table: "ReviewAssignments",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationName",
                table: "ReviewAssignments",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Existing assignments take their application's title, organisation name and reference.
            migrationBuilder.Sql(
                """
                UPDATE "ReviewAssignments" SET
                    "ApplicationTitle" = (SELECT "Title" FROM "Applications" WHERE "Applications"."Id" = "ReviewAssignments"."ApplicationId"),
                    "OrganisationName" = (SELECT "OrganisationName" FROM "Applications" WHERE "Applications"."Id" = "ReviewAssignments"."ApplicationId"),
                    "ApplicationReference" = (SELECT "Reference" FROM "Applications" WHERE "Applications"."Id" = "ReviewAssignments"."ApplicationId")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ReviewerId_Status_SubmittedAtUtc",
                table: "ReviewAssignments",
                columns: new[] { "ReviewerId", "Status", "SubmittedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewAssignments_ReviewerId_Status_SubmittedAtUtc",
                table: "ReviewAssignments");

            migrationBuilder.DropColumn(
                name: "ApplicationReference",
                table: "ReviewAssignments");

            migrationBuilder.DropColumn(
                name: "ApplicationTitle",
                table: "ReviewAssignments");

            migrationBuilder.DropColumn(
                name: "OrganisationName",
                table: "ReviewAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ReviewerId_Status_DueOn",
                table: "ReviewAssignments",
                columns: new[] { "ReviewerId", "Status", "DueOn" });
        }
    }
}
