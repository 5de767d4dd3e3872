using System.Text.Json.Nodes;
using Npgsql;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Security;

/// <summary>
/// One call another pool's caller makes against data the victim pool owns. Add a row to
/// <see cref="PoolIsolationMatrix.Probes"/> for every endpoint that exists; the isolation tests run
/// each probe with every kind of credential of the other pool.
/// </summary>
/// <param name="Name">Shown in the test name.</param>
/// <param name="Body">The POST body (null for GET); it may name the victim's data, as an attacker would. Placeholders such
/// as {victimUserId} in the query and body stand for the ids the victim's seed got (<see cref="PoolIsolationMatrix.SeedVictimAsync"/>).</param>
/// <param name="Expected">The statusCode the call gets in the caller's own pool: 200 (it ran there, seeing none of the
/// victim's data), or 404 where it names something only the victim has.</param>
public sealed record PoolProbe(string Name, HttpMethod Method, string Path, (string Key, string Value)[] Query, JsonObject? Body, int Expected = 200)
{
    /// <summary>When set, the data the call must answer in the caller's own pool (e.g. exists: false), as JSON text.</summary>
    public string? ExpectedData { get; init; }

    /// <summary>Further headers, unsigned (e.g. Idempotency-Key).</summary>
    public (string Name, string Value)[] Headers { get; init; } = [];

    /// <summary>The probe with the victim's ids in place of the placeholders.</summary>
    public PoolProbe Resolve(IReadOnlyDictionary<string, string> ids)
    {
        string Fill(string text) => ids.Aggregate(text, (t, id) => t.Replace(id.Key, id.Value, StringComparison.Ordinal));
        return this with
        {
            Query = Query.Select(q => (q.Key, Fill(q.Value))).ToArray(),
            Body = Body is null ? null : JsonNode.Parse(Fill(Body.ToJsonString()))!.AsObject(),
        };
    }

    public override string ToString() => Name;
}

public static class PoolIsolationMatrix
{
    public const string VictimFieldKey = "victim_field";

    /// <summary>A marker only the victim's data holds: it must never appear in another pool's answers.</summary>
    public const string VictimMarker = "VICTIM-ONLY-7f3a9c";

    public const string VictimOrganizationCode = "victimorg";
    public const string VictimDepartmentCode = "victimdept";
    public const string VictimEmail = "victim.user@example.com";
    public const string VictimUsername = "victim_user";
    public const string VictimPhone = "13912345678";
    public const string VictimIdempotencyKey = "victim-idempotency-key-1";

    /// <summary>The id of the account the victim created with <see cref="VictimIdempotencyKey"/>: a replay of the victim's stored answer would show it.</summary>
    public const string VictimIdempotentAccountId = "{victimIdempotentAccountId}";

    /// <summary>Calls, signed by the victim's own key, that give the victim data for every probe to aim at.</summary>
    public static IEnumerable<NodeSdkRequest> VictimSeed()
    {
        foreach (var targetType in new[] { "USER", "DEPARTMENT" })
        {
            yield return NodeSdkRequest.Post("/api/v3/set-custom-fields", new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject
                {
                    ["targetType"] = targetType,
                    ["key"] = VictimFieldKey,
                    ["dataType"] = "STRING",
                    ["label"] = VictimMarker,
                    ["description"] = VictimMarker,
                }),
            });
        }
    }

    /// <summary>
    /// The victim's custom fields, tenant, organization, department, user (with every unique key, an identity, the
    /// department and tenant), public account, and an account created with an Idempotency-Key. Returns the ids the
    /// probes' placeholders stand for.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedVictimAsync(Func<NodeSdkRequest, Task<JsonObject>> send)
    {
        async Task<JsonNode> Data(NodeSdkRequest request)
        {
            var envelope = await send(request);
            Assert.True((int?)envelope["statusCode"] == 200, $"{request.Path}: {envelope.ToJsonString()}");
            return envelope["data"]!;
        }

        foreach (var seed in VictimSeed())
        {
            await Data(seed);
        }

        var tenantId = (string)(await Data(NodeSdkRequest.Post("/api/v3/create-tenant", new JsonObject
        {
            ["name"] = VictimMarker, ["description"] = VictimMarker,
        })))["tenantId"]!;
        var root = (string)(await Data(NodeSdkRequest.Post("/api/v3/create-organization", new JsonObject
        {
            ["organizationName"] = VictimMarker, ["organizationCode"] = VictimOrganizationCode, ["description"] = VictimMarker,
            ["openDepartmentId"] = "victim-open-root", ["tenantId"] = tenantId,
        })))["departmentId"]!;
        var departmentId = (string)(await Data(NodeSdkRequest.Post("/api/v3/create-department", new JsonObject
        {
            ["organizationCode"] = VictimOrganizationCode, ["name"] = VictimMarker, ["parentDepartmentId"] = root,
            ["code"] = VictimDepartmentCode, ["openDepartmentId"] = "victim-open-dept", ["description"] = VictimMarker,
        })))["departmentId"]!;
        var userId = (string)(await Data(NodeSdkRequest.Post("/api/v3/create-users-batch", new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject
            {
                ["email"] = VictimEmail, ["username"] = VictimUsername, ["phone"] = VictimPhone, ["externalId"] = "victim-ext",
                ["name"] = VictimMarker, ["nickname"] = VictimMarker, ["password"] = "victim-passw0rd",
                ["customData"] = new JsonObject { [VictimFieldKey] = VictimMarker },
                ["identities"] = new JsonArray(new JsonObject
                {
                    ["extIdpId"] = "idp", ["provider"] = "github", ["type"] = "generic", ["userIdInIdp"] = "victim-gh",
                }),
                ["departmentIds"] = new JsonArray(departmentId),
                ["tenantIds"] = new JsonArray(tenantId),
            }),
        })))[0]!["userId"]!;
        var publicAccountId = (string)(await Data(NodeSdkRequest.Post("/api/v3/create-public-accounts-batch", new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject
            {
                ["email"] = "victim.pa@example.com", ["username"] = "victim_pa", ["name"] = VictimMarker,
                ["departmentIds"] = new JsonArray(departmentId),
            }),
        })))[0]!["userId"]!;
        var idempotent = NodeSdkRequest.Post("/api/v3/create-public-account", IdempotentBody());
        idempotent.Headers["Idempotency-Key"] = VictimIdempotencyKey;
        var idempotentId = (string)(await Data(idempotent))["userId"]!;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{victimTenantId}"] = tenantId,
            ["{victimRootDepartmentId}"] = root,
            ["{victimDepartmentId}"] = departmentId,
            ["{victimUserId}"] = userId,
            ["{victimPublicAccountId}"] = publicAccountId,
            [VictimIdempotentAccountId] = idempotentId,
        };
    }

    /// <summary>The body the victim sent with <see cref="VictimIdempotencyKey"/>; a probe sends it again with the same key.</summary>
    private static JsonObject IdempotentBody() => new() { ["username"] = "idempotent_account", ["nickname"] = "sent once" };

    private static JsonObject Post(params (string Key, JsonNode? Value)[] members) =>
        new(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));

    /// <summary>Every endpoint that needs credentials, aimed at the victim's data (get-management-token and system are anonymous).</summary>
    public static readonly PoolProbe[] Probes =
    [
        new("read USER custom fields", HttpMethod.Get, "/api/v3/get-custom-fields", [("targetType", "USER")], null),
        new("read DEPARTMENT custom fields", HttpMethod.Get, "/api/v3/get-custom-fields", [("targetType", "DEPARTMENT")], null),
        new("relabel the victim's custom field", HttpMethod.Post, "/api/v3/set-custom-fields", [], new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject { ["targetType"] = "USER", ["key"] = VictimFieldKey, ["label"] = "taken over" }),
        }),
        new("retype the victim's custom field", HttpMethod.Post, "/api/v3/set-custom-fields", [], new JsonObject
        {
            ["list"] = new JsonArray(new JsonObject { ["targetType"] = "DEPARTMENT", ["key"] = VictimFieldKey, ["dataType"] = "NUMBER" }),
        }),
        new("get the victim's user by id", HttpMethod.Get, "/api/v3/get-user",
            [("userId", "{victimUserId}"), ("withCustomData", "true"), ("withIdentities", "true"), ("withDepartmentIds", "true")], null, 404),
        new("get the victim's user by e-mail", HttpMethod.Get, "/api/v3/get-user", [("userId", VictimEmail), ("userIdType", "email")], null, 404),
        new("get the victim's user by phone", HttpMethod.Get, "/api/v3/get-user", [("userId", VictimPhone), ("userIdType", "phone")], null, 404),
        new("get the victim's user by identity", HttpMethod.Get, "/api/v3/get-user", [("userId", "idp:victim-gh"), ("userIdType", "identity")], null, 404),
        new("list users by the victim's keyword", HttpMethod.Post, "/api/v3/list-users", [], Post(
            ("keywords", "victim"), ("options", new JsonObject { ["withCustomData"] = true, ["withIdentities"] = true, ["withDepartmentIds"] = true }))),
        new("list users filtered on the victim's e-mail", HttpMethod.Post, "/api/v3/list-users", [], Post(
            ("advancedFilter", new JsonArray(new JsonObject { ["field"] = "email", ["operator"] = "EQUAL", ["value"] = VictimEmail })))),
        new("list users the legacy way", HttpMethod.Get, "/api/v3/list-users", [("page", "1"), ("limit", "50"), ("withCustomData", "true")], null),
        new("get the victim's public account", HttpMethod.Get, "/api/v3/get-public-account",
            [("userId", "{victimPublicAccountId}"), ("withCustomData", "true")], null, 404),
        new("get the victim's public accounts in a batch", HttpMethod.Get, "/api/v3/get-public-account-batch",
            [("userIds", "{victimPublicAccountId}"), ("withCustomData", "true")], null),
        new("get the victim's users in a batch", HttpMethod.Get, "/api/v3/get-user-batch",
            [("userIds", "{victimUserId}"), ("withCustomData", "true"), ("withIdentities", "true")], null) { ExpectedData = "[]" },
        new("get the victim's users in a batch by identity", HttpMethod.Get, "/api/v3/get-user-batch",
            [("userIds", "idp:victim-gh"), ("userIdType", "identity")], null) { ExpectedData = "[]" },
        new("ask whether the victim's user exists", HttpMethod.Post, "/api/v3/is-user-exists", [], Post(
            ("email", VictimEmail), ("username", VictimUsername))) { ExpectedData = """{"exists":false}""" },
        new("ask whether the victim's phone exists", HttpMethod.Post, "/api/v3/is-user-exists", [], Post(
            ("phone", VictimPhone), ("phoneCountryCode", "+86"))) { ExpectedData = """{"exists":false}""" },
        new("delete the victim's user by id", HttpMethod.Post, "/api/v3/delete-users-batch", [], Post(
            ("userIds", new JsonArray("{victimUserId}"))), 404),
        new("delete the victim's user by e-mail", HttpMethod.Post, "/api/v3/delete-users-batch", [], Post(
            ("userIds", new JsonArray(VictimEmail)), ("options", new JsonObject { ["userIdType"] = "email" })), 404),
        new("dry-run a delete of the victim's user by identity", HttpMethod.Post, "/api/v3/delete-users-batch", [], Post(
            ("userIds", new JsonArray("idp:victim-gh")), ("options", new JsonObject { ["userIdType"] = "identity", ["dryRun"] = true })), 404),
        new("delete the victim's public account", HttpMethod.Post, "/api/v3/delete-public-accounts-batch", [], Post(
            ("userIds", new JsonArray("{victimPublicAccountId}"))), 404),
        new("list public accounts by the victim's keyword", HttpMethod.Post, "/api/v3/list-public-accounts", [], Post(("keywords", "victim"))),
        new("update the victim's user by id", HttpMethod.Post, "/api/v3/update-user", [], Post(
            ("userId", "{victimUserId}"), ("name", "taken over"), ("email", "intruder@example.com")), 404),
        new("update the victim's user by e-mail", HttpMethod.Post, "/api/v3/update-user", [], Post(
            ("userId", VictimEmail), ("name", "taken over"), ("options", new JsonObject { ["userIdType"] = "email" })), 404),
        new("update the victim's users in a batch", HttpMethod.Post, "/api/v3/update-user-batch", [], Post(("list", new JsonArray(new JsonObject
        {
            ["userId"] = "{victimUserId}", ["name"] = "taken over",
        }))), 400),
        new("update the victim's public account", HttpMethod.Post, "/api/v3/update-public-account", [], Post(
            ("userId", "{victimPublicAccountId}"), ("name", "taken over")), 404),
        new("update the victim's public accounts in a batch", HttpMethod.Post, "/api/v3/update-public-account-batch", [], Post(("list", new JsonArray(new JsonObject
        {
            ["userId"] = "{victimPublicAccountId}", ["name"] = "taken over",
        }))), 400),
        new("create users with the victim's unique keys", HttpMethod.Post, "/api/v3/create-users-batch", [], Post(("list", new JsonArray(new JsonObject
        {
            ["email"] = VictimEmail, ["username"] = VictimUsername, ["phone"] = VictimPhone, ["externalId"] = "victim-ext",
            ["identities"] = new JsonArray(new JsonObject
            {
                ["extIdpId"] = "idp", ["provider"] = "github", ["type"] = "generic", ["userIdInIdp"] = "victim-gh",
            }),
        })))),
        new("create a user in the victim's department", HttpMethod.Post, "/api/v3/create-user", [], Post(
            ("username", "intruder"), ("departmentIds", new JsonArray("{victimDepartmentId}"))), 400),
        new("create a user in the victim's tenant", HttpMethod.Post, "/api/v3/create-user", [], Post(
            ("username", "intruder"), ("tenantIds", new JsonArray("{victimTenantId}"))), 400),
        new("create a public account with the victim's keys", HttpMethod.Post, "/api/v3/create-public-account", [], Post(
            ("email", "victim.pa@example.com"), ("username", "victim_pa"))),
        new("create public accounts in the victim's department", HttpMethod.Post, "/api/v3/create-public-accounts-batch", [], Post(
            ("list", new JsonArray(new JsonObject { ["username"] = "intruder", ["departmentIds"] = new JsonArray("{victimDepartmentId}") }))), 400),
        new("replay the victim's Idempotency-Key", HttpMethod.Post, "/api/v3/create-public-account", [], IdempotentBody())
        {
            Headers = [("Idempotency-Key", VictimIdempotencyKey)],
        },
        new("create an organization with the victim's code", HttpMethod.Post, "/api/v3/create-organization", [], Post(
            ("organizationName", "intruder"), ("organizationCode", VictimOrganizationCode), ("openDepartmentId", "victim-open-root"))),
        new("create an organization in the victim's tenant", HttpMethod.Post, "/api/v3/create-organization", [], Post(
            ("organizationName", "intruder"), ("organizationCode", "intruderorg"), ("tenantId", "{victimTenantId}")), 404),
        new("create a department in the victim's organization", HttpMethod.Post, "/api/v3/create-department", [], Post(
            ("organizationCode", VictimOrganizationCode), ("name", "intruder"), ("parentDepartmentId", "root")), 404),
        new("create a department under the victim's department", HttpMethod.Post, "/api/v3/create-department", [], Post(
            ("organizationCode", VictimOrganizationCode), ("name", "intruder"), ("parentDepartmentId", VictimDepartmentCode),
            ("departmentIdType", "code")), 404),
        new("create a tenant", HttpMethod.Post, "/api/v3/create-tenant", [], Post(("name", "intruder"))),
    ];

    public static PoolProbe Probe(string name) => Probes.Single(p => p.Name == name);

    /// <summary>
    /// Every row of the pool in every table that has a user_pool_id column, as text: equal snapshots mean the pool's
    /// data did not change. New tables join automatically.
    /// </summary>
    public static async Task<string> SnapshotAsync(string connectionString, string poolId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_pool_id' ORDER BY table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("custom_field_definitions", tables);
        var snapshot = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand(
                $"SELECT coalesce(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text), '') FROM \"{table}\" t WHERE user_pool_id = $1",
                connection);
            rows.Parameters.Add(new NpgsqlParameter { Value = poolId });
            snapshot.Append(table).Append(":\n").Append(await rows.ExecuteScalarAsync()).Append('\n');
        }

        return snapshot.ToString();
    }
}
