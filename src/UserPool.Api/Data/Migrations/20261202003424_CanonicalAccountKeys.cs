using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserPool.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CanonicalAccountKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_accounts_pool_email",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ux_accounts_pool_phone",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ux_accounts_pool_username",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "email_normalized",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "username_normalized",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "email_key",
                table: "accounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "key_problems",
                table: "accounts",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "keys_version",
                table: "accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "phone_key",
                table: "accounts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "username_key",
                table: "accounts",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_key_problems",
                table: "accounts",
                columns: new[] { "user_pool_id", "id" },
                filter: "key_problems IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_email",
                table: "accounts",
                columns: new[] { "user_pool_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_phone",
                table: "accounts",
                columns: new[] { "user_pool_id", "phone_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_username",
                table: "accounts",
                columns: new[] { "user_pool_id", "username_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_key_problems",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ux_accounts_pool_email",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ux_accounts_pool_phone",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ux_accounts_pool_username",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "email_key",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "key_problems",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "keys_version",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "phone_key",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "username_key",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "email_normalized",
                table: "accounts",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(email)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "username_normalized",
                table: "accounts",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(username)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_email",
                table: "accounts",
                columns: new[] { "user_pool_id", "email_normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_phone",
                table: "accounts",
                columns: new[] { "user_pool_id", "phone_country_code", "phone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_username",
                table: "accounts",
                columns: new[] { "user_pool_id", "username_normalized" },
                unique: true);
        }
    }
}
