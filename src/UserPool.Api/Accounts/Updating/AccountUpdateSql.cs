using Npgsql;
using NpgsqlTypes;
using UserPool.Api.Data.Entities;

namespace UserPool.Api.Accounts.Updating;

/// <summary>
/// The statements of an update, each one for the whole batch (UPDATE … FROM unnest of one array per column): a
/// 50-item update is three statements plus the custom-field and outbox ones, never a round trip per account.
/// A value that is NULL in the arrays is one the item did not send, and the column keeps its stored value.
/// Every statement is scoped to the pool and the kind, so a user key never changes a public account.
/// </summary>
internal static class AccountUpdateSql
{
    /// <summary>
    /// Locks the batch's accounts in id order before anything is written. The UPDATE would lock them itself, but in the
    /// order its plan visits them (a hash join over a scan of the table follows the heap, where every update moves a
    /// row), so two batches sharing accounts could each hold one the other needs: a deadlock costs PostgreSQL's
    /// deadlock_timeout (1 s) before a victim is picked and the server runs its transaction again. In id order they
    /// wait for each other instead. The mode is the one the UPDATE takes: FOR UPDATE when a column with a unique index
    /// may change, else FOR NO KEY UPDATE, which leaves other transactions' foreign-key checks on these rows unblocked.
    /// Costs PostgreSQL a lock record per row before the UPDATE's new version (docs/reliability.md, Deadlocks in detail).
    /// Answers the ids, which the writer skips.
    /// </summary>
    public static NpgsqlBatchCommand LockInIdOrder(string poolId, AccountKind kind, IReadOnlyList<UpdateDraft> drafts)
    {
        var mode = drafts.Any(ChangesKeyColumn) ? "UPDATE" : "NO KEY UPDATE";
        var command = new NpgsqlBatchCommand(
            $"SELECT a.id FROM accounts a WHERE a.user_pool_id = $1 AND a.kind = $2 AND a.id = ANY($3) ORDER BY a.id FOR {mode}");
        Add(command, poolId, kind);
        Array(command, NpgsqlDbType.Text, drafts.Select(d => d.Stored.Id).ToArray());
        return command;
    }

    private static bool ChangesKeyColumn(UpdateDraft draft) =>
        draft.GivesUpKeyInBatch || draft.Patch.EmailKey is not null || draft.Patch.PhoneKey is not null ||
        draft.Patch.UsernameKey is not null || draft.Patch.ExternalId is not null;

    /// <summary>
    /// Frees the keys that accounts giving a key to another item move, before any is written: PostgreSQL checks a
    /// non-deferrable unique index row by row, so two accounts swapping e-mails in one UPDATE would collide half-way.
    /// </summary>
    public static NpgsqlBatchCommand FreeMovedKeys(string poolId, AccountKind kind, IReadOnlyList<UpdateDraft> drafts)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE accounts a SET
              email = CASE WHEN u.email THEN NULL ELSE a.email END, email_key = CASE WHEN u.email THEN NULL ELSE a.email_key END,
              phone = CASE WHEN u.phone THEN NULL ELSE a.phone END, phone_key = CASE WHEN u.phone THEN NULL ELSE a.phone_key END,
              username = CASE WHEN u.username THEN NULL ELSE a.username END, username_key = CASE WHEN u.username THEN NULL ELSE a.username_key END,
              external_id = CASE WHEN u.external_id THEN NULL ELSE a.external_id END
            FROM unnest($3::text[], $4::bool[], $5::bool[], $6::bool[], $7::bool[]) AS u(id, email, phone, username, external_id)
            WHERE a.user_pool_id = $1 AND a.kind = $2 AND a.id = u.id
            """);
        var moving = drafts.Where(d => d.GivesUpKeyInBatch).ToList();
        Add(command, poolId, kind);
        Array(command, NpgsqlDbType.Text, moving.Select(d => d.Stored.Id).ToArray());
        foreach (var key in (Pipeline.UniqueKeyKind[])[Pipeline.UniqueKeyKind.Email, Pipeline.UniqueKeyKind.Phone, Pipeline.UniqueKeyKind.Username, Pipeline.UniqueKeyKind.ExternalId])
        {
            Array(command, NpgsqlDbType.Boolean, moving.Select(d => d.Moves(key)).ToArray());
        }

        return command;
    }

    /// <summary>The unique custom-field values the batch replaces (the new ones are inserted by CustomFieldRows).</summary>
    public static NpgsqlBatchCommand FreeCustomUniqueValues(string poolId, IReadOnlyList<(string AccountId, string FieldKey)> replaced)
    {
        var command = new NpgsqlBatchCommand("""
            DELETE FROM custom_field_unique_values v USING unnest($2::text[], $3::text[]) AS d(account_id, field_key)
            WHERE v.user_pool_id = $1 AND v.account_id = d.account_id AND v.field_key = d.field_key
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        Array(command, NpgsqlDbType.Text, replaced.Select(r => r.AccountId).ToArray());
        Array(command, NpgsqlDbType.Text, replaced.Select(r => r.FieldKey).ToArray());
        return command;
    }

    /// <summary>
    /// One column an update can set: its unnested array's type, the SET clauses it drives (u.x is the item's value, NULL
    /// when not sent; $3 is the update's time) and the item's value.
    /// </summary>
    private sealed record SetColumn(string Column, NpgsqlDbType Type, string Set, Func<UpdateDraft, object?> Value);

    private static SetColumn Text(string column, Func<Account, string?> value) =>
        new(column, NpgsqlDbType.Text, $"{column} = COALESCE(u.{column}, a.{column})", d => value(d.Patch));

    private const string EmptyJson = "'{}'::jsonb";

    private static readonly SetColumn[] Columns =
    [
        Text("email", a => a.Email), Text("email_key", a => a.EmailKey), Text("phone", a => a.Phone),
        Text("phone_country_code", a => a.PhoneCountryCode), Text("phone_key", a => a.PhoneKey), Text("username", a => a.Username),
        Text("username_key", a => a.UsernameKey), Text("external_id", a => a.ExternalId), Text("name", a => a.Name),
        Text("nickname", a => a.Nickname), Text("photo", a => a.Photo), Text("gender", a => a.Gender), Text("birthdate", a => a.Birthdate),
        Text("country", a => a.Country), Text("province", a => a.Province), Text("city", a => a.City), Text("address", a => a.Address),
        Text("street_address", a => a.StreetAddress), Text("postal_code", a => a.PostalCode), Text("company", a => a.Company),
        Text("browser", a => a.Browser), Text("device", a => a.Device), Text("given_name", a => a.GivenName),
        Text("family_name", a => a.FamilyName), Text("middle_name", a => a.MiddleName), Text("profile", a => a.Profile),
        Text("preferred_username", a => a.PreferredUsername), Text("website", a => a.Website), Text("zoneinfo", a => a.Zoneinfo),
        Text("locale", a => a.Locale), Text("formatted", a => a.Formatted), Text("region", a => a.Region),
        Text("identity_number", a => a.IdentityNumber),
        // A new password replaces the hash, its algorithm and its time, and drops a kept hash's separate salt.
        new("password_hash", NpgsqlDbType.Text, "password_hash = COALESCE(u.password_hash, a.password_hash), " +
            "password_salt = CASE WHEN u.password_hash IS NULL THEN a.password_salt END", d => d.Patch.PasswordHash),
        Text("password_algorithm", a => a.PasswordAlgorithm),
        new("password_last_set_at", NpgsqlDbType.TimestampTz, "password_last_set_at = COALESCE(u.password_last_set_at, a.password_last_set_at)",
            d => d.Patch.PasswordLastSetAt),
        // statusChangedAt moves only when the status does.
        new("status", NpgsqlDbType.Text, "status = COALESCE(u.status, a.status), " +
            "status_changed_at = CASE WHEN u.status IS DISTINCT FROM a.status AND u.status IS NOT NULL THEN $3 ELSE a.status_changed_at END",
            d => d.Patch.Status),
        new("email_verified", NpgsqlDbType.Boolean, "email_verified = COALESCE(u.email_verified, a.email_verified)", d => d.Item.EmailVerified),
        new("phone_verified", NpgsqlDbType.Boolean, "phone_verified = COALESCE(u.phone_verified, a.phone_verified)", d => d.Item.PhoneVerified),
        new("reset_password_on_next_login", NpgsqlDbType.Boolean,
            "reset_password_on_next_login = COALESCE(u.reset_password_on_next_login, a.reset_password_on_next_login)", d => d.ResetPasswordOnNextLogin),
        // Sent objects are merged into the stored ones (jsonb ||: the sent keys replace the stored ones).
        new("custom_data", NpgsqlDbType.Text,
            $"custom_data = CASE WHEN u.custom_data IS NULL THEN a.custom_data ELSE COALESCE(a.custom_data, {EmptyJson}) || u.custom_data::jsonb END",
            d => d.Patch.CustomData),
        new("metadata_source", NpgsqlDbType.Text, "metadata_source = CASE WHEN u.metadata_source IS NULL THEN a.metadata_source " +
            $"ELSE COALESCE(a.metadata_source, {EmptyJson}) || u.metadata_source::jsonb END", d => d.Patch.MetadataSource),
    ];

    private static readonly Dictionary<NpgsqlDbType, string> ArrayTypes = new()
    {
        [NpgsqlDbType.Text] = "text[]", [NpgsqlDbType.Boolean] = "bool[]", [NpgsqlDbType.TimestampTz] = "timestamptz[]",
    };

    /// <summary>Writes every sent value; answers the accounts it updated, as stored (an account not there is missing).</summary>
    public static NpgsqlBatchCommand Update(string poolId, AccountKind kind, IReadOnlyList<UpdateDraft> drafts, DateTime now)
    {
        // Only the columns some item sends: a batch changing e-mails and nicknames unnests a few arrays instead of forty,
        // mostly NULL (PostgreSQL decodes every array and evaluates every SET per row). The text depends on the set of
        // columns sent, which a client's batches repeat, so prepared statements still serve it.
        var sent = Columns.Where(c => drafts.Any(d => c.Value(d) is not null)).ToArray();
        var sets = string.Concat(sent.Select(c => c.Set + ", "));
        var arrays = string.Concat(sent.Select((c, i) => $", ${i + 5}::{ArrayTypes[c.Type]}"));
        var names = string.Concat(sent.Select(c => ", " + c.Column));
        var command = new NpgsqlBatchCommand($"""
            UPDATE accounts a SET {sets}updated_at = $3
            FROM unnest($4::text[]{arrays}) AS u(id{names})
            WHERE a.user_pool_id = $1 AND a.kind = $2 AND a.id = u.id
            RETURNING a.*
            """);
        Add(command, poolId, kind);
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        Array(command, NpgsqlDbType.Text, drafts.Select(d => d.Stored.Id).ToArray());
        foreach (var column in sent)
        {
            Array(command, column.Type, column.Type switch
            {
                NpgsqlDbType.Boolean => drafts.Select(d => (bool?)column.Value(d)).ToArray(),
                NpgsqlDbType.TimestampTz => drafts.Select(d => (DateTime?)column.Value(d)).ToArray(),
                _ => drafts.Select(d => (string?)column.Value(d)).ToArray(),
            });
        }

        return command;
    }

    private static void Add(NpgsqlBatchCommand command, string poolId, AccountKind kind)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = (short)kind, NpgsqlDbType = NpgsqlDbType.Smallint });
    }

    private static void Array(NpgsqlBatchCommand command, NpgsqlDbType type, System.Array values) =>
        command.Parameters.Add(new NpgsqlParameter { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type });
}
