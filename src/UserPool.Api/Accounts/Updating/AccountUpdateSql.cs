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

    private static readonly (string Column, Func<Account, string?> Value)[] TextColumns =
    [
        ("email", a => a.Email), ("email_key", a => a.EmailKey), ("phone", a => a.Phone), ("phone_country_code", a => a.PhoneCountryCode),
        ("phone_key", a => a.PhoneKey), ("username", a => a.Username), ("username_key", a => a.UsernameKey), ("external_id", a => a.ExternalId),
        ("name", a => a.Name), ("nickname", a => a.Nickname), ("photo", a => a.Photo), ("gender", a => a.Gender),
        ("birthdate", a => a.Birthdate), ("country", a => a.Country), ("province", a => a.Province), ("city", a => a.City),
        ("address", a => a.Address), ("street_address", a => a.StreetAddress), ("postal_code", a => a.PostalCode),
        ("company", a => a.Company), ("browser", a => a.Browser), ("device", a => a.Device), ("given_name", a => a.GivenName),
        ("family_name", a => a.FamilyName), ("middle_name", a => a.MiddleName), ("profile", a => a.Profile),
        ("preferred_username", a => a.PreferredUsername), ("website", a => a.Website), ("zoneinfo", a => a.Zoneinfo),
        ("locale", a => a.Locale), ("formatted", a => a.Formatted), ("region", a => a.Region), ("identity_number", a => a.IdentityNumber),
        ("password_hash", a => a.PasswordHash), ("password_algorithm", a => a.PasswordAlgorithm),
    ];

    private const string EmptyJson = "'{}'::jsonb";

    /// <summary>Writes every sent value; answers the accounts it updated, as stored (an account not there is missing).</summary>
    public static NpgsqlBatchCommand Update(string poolId, AccountKind kind, IReadOnlyList<UpdateDraft> drafts, DateTime now)
    {
        // Only the text columns some item sends: a batch changing e-mails and nicknames unnests a few arrays instead of
        // forty, mostly NULL (PostgreSQL decodes every array and evaluates every SET per row). The text depends on the
        // set of columns sent, which a client's batches repeat, so prepared statements still serve it.
        // (password_hash always: password_salt's SET reads it.)
        var sent = TextColumns.Where(c => c.Column == "password_hash" || drafts.Any(d => c.Value(d.Patch) is not null)).ToArray();
        var texts = string.Concat(sent.Select(c => $"{c.Column} = COALESCE(u.{c.Column}, a.{c.Column}), "));
        var textParams = string.Concat(sent.Select((_, i) => $"${i + 5}::text[], "));
        var textNames = string.Concat(sent.Select(c => $"{c.Column}, "));
        var next = sent.Length + 5;
        var command = new NpgsqlBatchCommand($"""
            UPDATE accounts a SET {texts}
              status = COALESCE(u.status, a.status),
              status_changed_at = CASE WHEN u.status IS DISTINCT FROM a.status AND u.status IS NOT NULL THEN $3 ELSE a.status_changed_at END,
              email_verified = COALESCE(u.email_verified, a.email_verified),
              phone_verified = COALESCE(u.phone_verified, a.phone_verified),
              password_salt = CASE WHEN u.password_hash IS NULL THEN a.password_salt END,
              password_last_set_at = COALESCE(u.password_last_set_at, a.password_last_set_at),
              reset_password_on_next_login = COALESCE(u.reset_password_on_next_login, a.reset_password_on_next_login),
              custom_data = CASE WHEN u.custom_data IS NULL THEN a.custom_data ELSE COALESCE(a.custom_data, {EmptyJson}) || u.custom_data::jsonb END,
              metadata_source = CASE WHEN u.metadata_source IS NULL THEN a.metadata_source ELSE COALESCE(a.metadata_source, {EmptyJson}) || u.metadata_source::jsonb END,
              updated_at = $3
            FROM unnest($4::text[], {textParams}${next}::text[], ${next + 1}::bool[], ${next + 2}::bool[], ${next + 3}::timestamptz[],
                        ${next + 4}::bool[], ${next + 5}::text[], ${next + 6}::text[])
              AS u(id, {textNames}status, email_verified, phone_verified, password_last_set_at,
                   reset_password_on_next_login, custom_data, metadata_source)
            WHERE a.user_pool_id = $1 AND a.kind = $2 AND a.id = u.id
            RETURNING a.*
            """);
        Add(command, poolId, kind);
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        Array(command, NpgsqlDbType.Text, drafts.Select(d => d.Stored.Id).ToArray());
        foreach (var (_, value) in sent)
        {
            Array(command, NpgsqlDbType.Text, drafts.Select(d => value(d.Patch)).ToArray());
        }

        Array(command, NpgsqlDbType.Text, drafts.Select(d => d.Patch.Status).ToArray());
        Array(command, NpgsqlDbType.Boolean, drafts.Select(d => d.Item.EmailVerified).ToArray());
        Array(command, NpgsqlDbType.Boolean, drafts.Select(d => d.Item.PhoneVerified).ToArray());
        Array(command, NpgsqlDbType.TimestampTz, drafts.Select(d => d.Patch.PasswordLastSetAt).ToArray());
        Array(command, NpgsqlDbType.Boolean, drafts.Select(d => d.ResetPasswordOnNextLogin).ToArray());
        Array(command, NpgsqlDbType.Text, drafts.Select(d => d.Patch.CustomData).ToArray());
        Array(command, NpgsqlDbType.Text, drafts.Select(d => d.Patch.MetadataSource).ToArray());
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
