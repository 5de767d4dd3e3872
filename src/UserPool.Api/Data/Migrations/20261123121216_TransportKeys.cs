using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserPool.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransportKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transport_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    algorithm = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    public_key = table.Column<string>(type: "text", nullable: false),
                    protected_private_key = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transport_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ux_transport_keys_current_algorithm",
                table: "transport_keys",
                column: "algorithm",
                unique: true,
                filter: "retired_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transport_keys");
        }
    }
}
