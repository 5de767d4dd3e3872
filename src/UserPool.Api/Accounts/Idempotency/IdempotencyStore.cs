using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using UserPool.Api.Infrastructure;

namespace UserPool.Api.Accounts.Idempotency;

/// <summary>
/// Idempotency-Key on the create endpoints: the same key with the same request inside the retention period
/// answers the stored first answer and creates nothing; the same key with another request is refused. Keys
/// are per pool and live in the database, so a retry reaching another instance, or coming after a restart,
/// is just as safe. Only successful answers are stored: a refused batch wrote nothing and may simply run again.
/// The stored answer repeats what it answered, values of encrypted custom fields included, so it is kept encrypted
/// with the Data Protection ring like every other secret at rest.
/// </summary>
public sealed class IdempotencyStore(
    NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options, TimeProvider clock, Security.SecretProtector protector)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public TimeSpan Retention => TimeSpan.FromHours(options.Value.RetentionHours);

    /// <summary>Null when the request carries no key; else the ticket, or the stored answer to replay.</summary>
    public async Task<(IdempotencyTicket? Ticket, string? Replay)> BeginAsync<TRequest>(
        HttpContext context, string poolId, TRequest? request, Func<IReadOnlyList<Contracts.AccountView>, string> render)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            return (null, null);
        }

        if (key.Length > 255 || key.Any(char.IsControl))
        {
            throw ApiException.BadRequest($"{Header} must be 1 to 255 printable characters");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            context.Request.Path + "\n" + JsonSerializer.Serialize(request, JsonDefaults.Options))));
        var stored = await FindAsync(poolId, key, context.RequestAborted);
        return stored switch
        {
            null => (new IdempotencyTicket(key, hash, render), null),
            var (storedHash, answer) when storedHash == hash => (null, answer),
            _ => throw new ApiException(422, $"This {Header} was already used with a different request"),
        };
    }

    public async Task<(string Hash, string Answer)?> FindAsync(string poolId, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT request_hash, response_json FROM idempotency_keys WHERE user_pool_id = $1 AND key = $2 AND expires_at > $3");
        command.Parameters.Add(new NpgsqlParameter { Value = poolId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), Reveal(reader.GetString(1))) : null;
    }

    /// <summary>Inside the batch's transaction. An expired record under the same key is replaced.</summary>
    public async Task SaveAsync(NpgsqlConnection connection, string poolId, IdempotencyTicket ticket, string answer, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var command = new NpgsqlCommand("""
            INSERT INTO idempotency_keys (user_pool_id, key, request_hash, response_json, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (user_pool_id, key) DO UPDATE
              SET request_hash = EXCLUDED.request_hash, response_json = EXCLUDED.response_json,
                  created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
              WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
            """, connection);
        foreach (var value in new object[] { poolId, ticket.Key, ticket.RequestHash, protector.Protect(answer), now, now + Retention })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            // A concurrent request with the same key committed first: this batch must not be written.
            throw new IdempotencyRaceException();
        }
    }

    /// <summary>The stored answer, verbatim, marked as a replay.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Replayed(HttpContext http, string answer)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        return TypedResults.Text(answer, "application/json; charset=utf-8");
    }

    /// <summary>Answers stored before they were encrypted are JSON text, which a protected payload never starts like.</summary>
    private string Reveal(string stored) => stored.StartsWith('{') || stored.StartsWith('[') ? stored : protector.Unprotect(stored);

    public async Task<int> PruneAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE expires_at <= $1");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow().UtcDateTime });
        return await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Another request with the same Idempotency-Key won the race; its answer is the one to give.</summary>
public sealed class IdempotencyRaceException : Exception;
