using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UserPool.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "user_pools",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_pools", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "access_keys",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    protected_secret = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_access_keys", x => new { x.user_pool_id, x.id });
                    table.ForeignKey(
                        name: "fk_access_keys_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    work_status = table.Column<string>(type: "text", nullable: false),
                    email = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    phone_country_code = table.Column<string>(type: "text", nullable: true),
                    username = table.Column<string>(type: "text", nullable: true),
                    external_id = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: true),
                    nickname = table.Column<string>(type: "text", nullable: true),
                    photo = table.Column<string>(type: "text", nullable: true),
                    gender = table.Column<string>(type: "text", nullable: false),
                    email_verified = table.Column<bool>(type: "boolean", nullable: false),
                    phone_verified = table.Column<bool>(type: "boolean", nullable: false),
                    birthdate = table.Column<string>(type: "text", nullable: true),
                    country = table.Column<string>(type: "text", nullable: true),
                    province = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    street_address = table.Column<string>(type: "text", nullable: true),
                    postal_code = table.Column<string>(type: "text", nullable: true),
                    company = table.Column<string>(type: "text", nullable: true),
                    browser = table.Column<string>(type: "text", nullable: true),
                    device = table.Column<string>(type: "text", nullable: true),
                    given_name = table.Column<string>(type: "text", nullable: true),
                    family_name = table.Column<string>(type: "text", nullable: true),
                    middle_name = table.Column<string>(type: "text", nullable: true),
                    profile = table.Column<string>(type: "text", nullable: true),
                    preferred_username = table.Column<string>(type: "text", nullable: true),
                    website = table.Column<string>(type: "text", nullable: true),
                    zoneinfo = table.Column<string>(type: "text", nullable: true),
                    locale = table.Column<string>(type: "text", nullable: true),
                    formatted = table.Column<string>(type: "text", nullable: true),
                    region = table.Column<string>(type: "text", nullable: true),
                    identity_number = table.Column<string>(type: "text", nullable: true),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    password_salt = table.Column<string>(type: "text", nullable: true),
                    password_algorithm = table.Column<string>(type: "text", nullable: true),
                    password_last_set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reset_password_on_next_login = table.Column<bool>(type: "boolean", nullable: false),
                    password_security_level = table.Column<int>(type: "integer", nullable: true),
                    protected_otp_secret = table.Column<string>(type: "text", nullable: true),
                    protected_otp_recovery_code = table.Column<string>(type: "text", nullable: true),
                    custom_data = table.Column<string>(type: "jsonb", nullable: true),
                    metadata_source = table.Column<string>(type: "jsonb", nullable: true),
                    user_source_type = table.Column<string>(type: "text", nullable: false),
                    user_source_id = table.Column<string>(type: "text", nullable: true),
                    register_source = table.Column<string[]>(type: "text[]", nullable: false),
                    logins_count = table.Column<int>(type: "integer", nullable: false),
                    last_login = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_ip = table.Column<string>(type: "text", nullable: true),
                    last_login_app = table.Column<string>(type: "text", nullable: true),
                    last_mfa_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    main_department_id = table.Column<string>(type: "text", nullable: true),
                    post_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    tenant_id = table.Column<string>(type: "text", nullable: true),
                    signed_up = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    email_normalized = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(email)", stored: true),
                    username_normalized = table.Column<string>(type: "text", nullable: true, computedColumnSql: "lower(username)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_accounts", x => new { x.user_pool_id, x.id });
                    table.CheckConstraint("ck_accounts_phone_has_country_code", "phone IS NULL OR phone_country_code IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_accounts_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "custom_field_definitions",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    target_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    data_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    label = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    encrypted = table.Column<bool>(type: "boolean", nullable: false),
                    is_unique = table.Column<bool>(type: "boolean", nullable: false),
                    user_editable = table.Column<bool>(type: "boolean", nullable: false),
                    visible_in_admin_console = table.Column<bool>(type: "boolean", nullable: false),
                    visible_in_user_center = table.Column<bool>(type: "boolean", nullable: false),
                    validate_rules = table.Column<string>(type: "jsonb", nullable: true),
                    app_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    desensitization = table.Column<bool>(type: "boolean", nullable: false),
                    options = table.Column<string>(type: "jsonb", nullable: true),
                    i18n = table.Column<string>(type: "jsonb", nullable: true),
                    tenant_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custom_field_definitions", x => new { x.user_pool_id, x.target_type, x.key });
                    table.ForeignKey(
                        name: "fk_custom_field_definitions_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    response_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.user_pool_id, x.key });
                    table.ForeignKey(
                        name: "fk_idempotency_keys_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    open_department_id = table.Column<string>(type: "text", nullable: true),
                    tenant_id = table.Column<string>(type: "text", nullable: true),
                    i18n = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => new { x.user_pool_id, x.id });
                    table.ForeignKey(
                        name: "fk_organizations_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_nonces",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    access_key_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    nonce = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_nonces", x => new { x.user_pool_id, x.access_key_id, x.nonce });
                    table.ForeignKey(
                        name: "fk_request_nonces_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    logo = table.Column<string[]>(type: "text[]", nullable: false),
                    reject_hint = table.Column<string>(type: "text", nullable: true),
                    app_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    source_app_id = table.Column<string>(type: "text", nullable: true),
                    enterprise_domains = table.Column<string[]>(type: "text[]", nullable: false),
                    expire_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    mau_amount = table.Column<int>(type: "integer", nullable: true),
                    member_amount = table.Column<int>(type: "integer", nullable: true),
                    admin_amount = table.Column<int>(type: "integer", nullable: true),
                    creator = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => new { x.user_pool_id, x.id });
                    table.ForeignKey(
                        name: "fk_tenants_user_pools",
                        column: x => x.user_pool_id,
                        principalTable: "user_pools",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    account_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ext_idp_id = table.Column<string>(type: "text", nullable: false),
                    provider = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    user_id_in_idp = table.Column<string>(type: "text", nullable: false),
                    user_info_in_idp = table.Column<string>(type: "jsonb", nullable: true),
                    origin_conn_ids = table.Column<string[]>(type: "text[]", nullable: false),
                    protected_access_token = table.Column<string>(type: "text", nullable: true),
                    protected_refresh_token = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identities", x => new { x.user_pool_id, x.id });
                    table.ForeignKey(
                        name: "fk_identities_accounts",
                        columns: x => new { x.user_pool_id, x.account_id },
                        principalTable: "accounts",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    account_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    template = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    lang = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    recipient = table.Column<string>(type: "text", nullable: false),
                    phone_country_code = table.Column<string>(type: "text", nullable: true),
                    app_id = table.Column<string>(type: "text", nullable: true),
                    protected_password = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_outbox", x => new { x.user_pool_id, x.id });
                    table.ForeignKey(
                        name: "fk_notification_outbox_accounts",
                        columns: x => new { x.user_pool_id, x.account_id },
                        principalTable: "accounts",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    organization_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    parent_department_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    open_department_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    code = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    is_virtual_node = table.Column<bool>(type: "boolean", nullable: false),
                    custom_data = table.Column<string>(type: "jsonb", nullable: true),
                    i18n = table.Column<string>(type: "jsonb", nullable: true),
                    tenant_id = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => new { x.user_pool_id, x.id });
                    table.ForeignKey(
                        name: "fk_departments_organizations",
                        columns: x => new { x.user_pool_id, x.organization_id },
                        principalTable: "organizations",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_departments_parent",
                        columns: x => new { x.user_pool_id, x.parent_department_id },
                        principalTable: "departments",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "account_tenants",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    account_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_tenants", x => new { x.user_pool_id, x.account_id, x.tenant_id });
                    table.ForeignKey(
                        name: "fk_account_tenants_accounts",
                        columns: x => new { x.user_pool_id, x.account_id },
                        principalTable: "accounts",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_account_tenants_tenants",
                        columns: x => new { x.user_pool_id, x.tenant_id },
                        principalTable: "tenants",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_departments",
                columns: table => new
                {
                    user_pool_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    account_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    department_id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_departments", x => new { x.user_pool_id, x.account_id, x.department_id });
                    table.ForeignKey(
                        name: "fk_account_departments_accounts",
                        columns: x => new { x.user_pool_id, x.account_id },
                        principalTable: "accounts",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_account_departments_departments",
                        columns: x => new { x.user_pool_id, x.department_id },
                        principalTable: "departments",
                        principalColumns: new[] { "user_pool_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_access_keys_id_pool",
                table: "access_keys",
                columns: new[] { "id", "user_pool_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_account_departments_pool_department",
                table: "account_departments",
                columns: new[] { "user_pool_id", "department_id" });

            migrationBuilder.CreateIndex(
                name: "ix_account_tenants_pool_tenant",
                table: "account_tenants",
                columns: new[] { "user_pool_id", "tenant_id" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_pool_kind_created_at",
                table: "accounts",
                columns: new[] { "user_pool_id", "kind", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_pool_phone",
                table: "accounts",
                columns: new[] { "user_pool_id", "phone" });

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_email",
                table: "accounts",
                columns: new[] { "user_pool_id", "email_normalized" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_accounts_pool_external_id",
                table: "accounts",
                columns: new[] { "user_pool_id", "external_id" },
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

            migrationBuilder.CreateIndex(
                name: "ix_departments_pool_organization",
                table: "departments",
                columns: new[] { "user_pool_id", "organization_id" });

            migrationBuilder.CreateIndex(
                name: "ix_departments_pool_parent",
                table: "departments",
                columns: new[] { "user_pool_id", "parent_department_id" });

            migrationBuilder.CreateIndex(
                name: "ux_departments_pool_code",
                table: "departments",
                columns: new[] { "user_pool_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_departments_pool_open_department_id",
                table: "departments",
                columns: new[] { "user_pool_id", "open_department_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_identities_pool_account",
                table: "identities",
                columns: new[] { "user_pool_id", "account_id" });

            migrationBuilder.CreateIndex(
                name: "ux_identities_pool_idp_type_user",
                table: "identities",
                columns: new[] { "user_pool_id", "ext_idp_id", "type", "user_id_in_idp" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_pool_account",
                table: "notification_outbox",
                columns: new[] { "user_pool_id", "account_id" });

            migrationBuilder.CreateIndex(
                name: "ix_notification_outbox_status_next_attempt",
                table: "notification_outbox",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ux_organizations_pool_code",
                table: "organizations",
                columns: new[] { "user_pool_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_request_nonces_seen_at",
                table: "request_nonces",
                column: "seen_at");

            migrationBuilder.CreateIndex(
                name: "ux_tenants_pool_code",
                table: "tenants",
                columns: new[] { "user_pool_id", "code" },
                unique: true);

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
                name: "access_keys");

            migrationBuilder.DropTable(
                name: "account_departments");

            migrationBuilder.DropTable(
                name: "account_tenants");

            migrationBuilder.DropTable(
                name: "custom_field_definitions");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "identities");

            migrationBuilder.DropTable(
                name: "notification_outbox");

            migrationBuilder.DropTable(
                name: "request_nonces");

            migrationBuilder.DropTable(
                name: "transport_keys");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "tenants");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.DropTable(
                name: "user_pools");
        }
    }
}
