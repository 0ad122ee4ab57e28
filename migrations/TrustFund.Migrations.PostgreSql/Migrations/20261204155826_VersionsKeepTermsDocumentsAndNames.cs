using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class VersionsKeepTermsDocumentsAndNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Screenings_ApplicationId",
                table: "Screenings");

            migrationBuilder.AddColumn<int>(
                name: "VersionNumber",
                table: "Screenings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EarlierAnswers",
                table: "ClarificationQuestions",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Amendments",
                table: "Calls",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAtUtc",
                table: "Attachments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Attachments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Documents",
                table: "ApplicationVersions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationName",
                table: "ApplicationVersions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Terms",
                table: "ApplicationVersions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InformationResponseDueUtc",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VersionCount",
                table: "Applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReferenceSequences",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "uuid", nullable: false),
                    Issued = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceSequences", x => x.CallId);
                    table.ForeignKey(
                        name: "FK_ReferenceSequences_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every call keeps counting its reference numbers where it left off, apart from the call's row.
            migrationBuilder.Sql("INSERT INTO \"ReferenceSequences\" (\"CallId\", \"Issued\") SELECT \"Id\", \"ReferencesIssued\" FROM \"Calls\"");

            migrationBuilder.DropColumn(
                name: "ReferencesIssued",
                table: "Calls");

            // Versions submitted before this release: the name their application carries (renames reached
            // every application until now); their terms and documents were not recorded (left null).
            migrationBuilder.Sql("UPDATE \"ApplicationVersions\" SET \"OrganisationName\" = (SELECT a.\"OrganisationName\" FROM \"Applications\" a WHERE a.\"Id\" = \"ApplicationVersions\".\"ApplicationId\")");
            migrationBuilder.Sql("UPDATE \"Applications\" SET \"VersionCount\" = (SELECT COUNT(*) FROM \"ApplicationVersions\" v WHERE v.\"ApplicationId\" = \"Applications\".\"Id\")");

            // A screening made before was of the version the application had then: its latest.
            migrationBuilder.Sql("UPDATE \"Screenings\" SET \"VersionNumber\" = (SELECT a.\"VersionCount\" FROM \"Applications\" a WHERE a.\"Id\" = \"Screenings\".\"ApplicationId\")");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_ApplicationId_VersionNumber",
                table: "Screenings",
                columns: new[] { "ApplicationId", "VersionNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Screenings_ApplicationId_VersionNumber",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "VersionNumber",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "EarlierAnswers",
                table: "ClarificationQuestions");

            migrationBuilder.DropColumn(
                name: "Amendments",
                table: "Calls");

            migrationBuilder.DropColumn(
                name: "RemovedAtUtc",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "Attachments");

            migrationBuilder.DropColumn(
                name: "Documents",
                table: "ApplicationVersions");

            migrationBuilder.DropColumn(
                name: "OrganisationName",
                table: "ApplicationVersions");

            migrationBuilder.DropColumn(
                name: "Terms",
                table: "ApplicationVersions");

            migrationBuilder.DropColumn(
                name: "InformationResponseDueUtc",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "VersionCount",
                table: "Applications");

            migrationBuilder.AddColumn<int>(
                name: "ReferencesIssued",
                table: "Calls",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("UPDATE \"Calls\" SET \"ReferencesIssued\" = (SELECT s.\"Issued\" FROM \"ReferenceSequences\" s WHERE s.\"CallId\" = \"Calls\".\"Id\")");

            migrationBuilder.DropTable(
                name: "ReferenceSequences");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_ApplicationId",
                table: "Screenings",
                column: "ApplicationId",
                unique: true);
        }
    }
}
