using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserPool.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomFieldPromises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "protected_hash_key",
                table: "custom_field_definitions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "custom_field_unique_values",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    field_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    account_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custom_field_unique_values", x => new { x.user_pool_id, x.field_key, x.value_hash });
                    table.ForeignKey(
                        name: "fk_custom_field_unique_values_accounts",
                        columns: x => new { x.user_pool_id, x.account_id },
                        principalTable: "accounts",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_custom_field_unique_values_account_key",
                table: "custom_field_unique_values",
                columns: new[] { "user_pool_id", "account_id", "field_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custom_field_unique_values");

            migrationBuilder.DropColumn(
                name: "protected_hash_key",
                table: "custom_field_definitions");
        }
    }
}
