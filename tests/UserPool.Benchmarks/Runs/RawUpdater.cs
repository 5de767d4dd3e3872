using Npgsql;
using NpgsqlTypes;
using UserPool.Benchmarks.Workload;

namespace UserPool.Benchmarks.Runs;

/// <summary>
/// Scenario 4's baseline, the physical limit of a batch update: one <c>UPDATE accounts … FROM unnest(…)</c> per batch (its
/// own transaction) setting the columns the server sets, the canonical key columns included so both do the same unique
/// index work, and merging the custom data as the server does (<c>||</c>). Nothing looked up, checked or answered.
/// </summary>
public sealed class RawUpdater(NpgsqlDataSource dataSource, string poolId)
{
    private const string Sql = """
        UPDATE accounts a SET email = u.email, email_key = u.email_key, phone = u.phone, phone_country_code = u.phone_country_code,
          phone_key = u.phone_key, username = u.username, username_key = u.username_key, nickname = u.nickname, city = u.city,
          company = u.company, profile = u.profile, custom_data = COALESCE(a.custom_data, '{}'::jsonb) || u.custom_data::jsonb, updated_at = $2
        FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                    $12::text[], $13::text[], $14::text[], $15::text[])
          AS u(id, email, email_key, phone, phone_country_code, phone_key, username, username_key, nickname, city, company, profile, custom_data)
        WHERE a.user_pool_id = $1 AND a.kind = 1 AND a.id = u.id
        """;

    public async Task UpdateAsync(IReadOnlyList<AccountUpdate> batch)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        Texts(command, batch, u => u.Id);
        Texts(command, batch, u => u.Keys.Email!.Value.Stored);
        Texts(command, batch, u => u.Keys.Email!.Value.Key);
        Texts(command, batch, u => u.Keys.Phone!.Value.Phone);
        Texts(command, batch, u => u.Keys.Phone!.Value.CountryCode);
        Texts(command, batch, u => u.Keys.Phone!.Value.Key);
        Texts(command, batch, u => u.Keys.Username!.Value.Stored);
        Texts(command, batch, u => u.Keys.Username!.Value.Key);
        Texts(command, batch, u => u.Nickname);
        Texts(command, batch, u => u.City);
        Texts(command, batch, u => u.Company);
        Texts(command, batch, u => u.Profile);
        Texts(command, batch, u => u.CustomDataJson);
        var updated = await command.ExecuteNonQueryAsync();
        if (updated != batch.Count)
        {
            throw new InvalidOperationException($"The baseline updated {updated} of {batch.Count} accounts");
        }
    }

    private static void Texts(NpgsqlCommand command, IReadOnlyList<AccountUpdate> batch, Func<AccountUpdate, string?> value) =>
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Select(value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
}
