using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Infrastructure.Persistence;

#nullable disable

namespace TrustFund.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            AuditTable.CreateAppendOnlyTriggers(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AuditTable.DropAppendOnlyTriggers(migrationBuilder);
        }
    }
}
