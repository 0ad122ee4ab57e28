using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrustFund.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ConflictRulingMatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Matches",
                table: "ConflictRulings",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Matches",
                table: "ConflictRulings");
        }
    }
}
