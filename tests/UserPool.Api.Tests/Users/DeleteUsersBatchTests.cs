using System.Text.Json.Nodes;
using UserPool.Api.Tests.Accounts;
using UserPool.Api.Tests.CustomFields;
using UserPool.Api.Tests.Infrastructure;
using static UserPool.Api.Tests.Users.DeleteCalls;

namespace UserPool.Api.Tests.Users;

[Collection(AccountsCollection.Name)]
public sealed class DeleteUsersBatchTests(UserPoolApiFactory api) : IAsyncLifetime
{
    private readonly SignedClient _client = api.CreateSignedClient();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DeleteUsersBatch_RemovesTheUsersWithEveryLink_AndFreesTheirKeys()
    {
        await _client.DefineOkAsync("badge", isUnique: true);
        var departments = await Seed.DepartmentsAsync(api, 1);
        var tenant = await Seed.TenantAsync(api);
        var sample = SampleUsers.Full();
        sample["departmentIds"] = new[] { departments[0].Id };
        sample["tenantIds"] = new[] { tenant.Id };
        sample["customData"] = new Dictionary<string, object> { ["badge"] = "B-1" };
        sample["identities"] = new[] { new { extIdpId = "idp", provider = "github", type = "primary", userIdInIdp = "gh-1" } };
        var created = await _client.PostEnvelopeAsync("/api/v3/create-users-batch",
            new { list = new[] { sample }, options = new { sendNotification = new { sendEmailNotification = true } } });
        var doomed = (string)created["data"]![0]!["userId"]!;
        var kept = Id(await AccountSeed.CreateUserAsync(_client));
        Assert.True(await api.DependentRowsAsync(doomed) >= 5, "every kind of link was seeded");

        var envelope = await _client.DeleteAsync(UsersPath, new[] { doomed });

        AssertDeleted(envelope);
        Assert.Equal([kept], await api.StoredIdsAsync());
        Assert.Equal(0, await api.DependentRowsAsync(doomed));
        Assert.Single(await api.SqlAsync("SELECT id FROM departments"));
        sample["identities"] = new[] { new { extIdpId = "idp", provider = "github", type = "primary", userIdInIdp = "gh-1" } };
        var again = await _client.PostEnvelopeAsync("/api/v3/create-users-batch", new { list = new[] { sample } });
        Assert.True((int)again["statusCode"]! == 200, "email, phone, username, externalId, identity and badge are free: " + again.ToJsonString());
    }

    [Fact]
    public async Task DeleteUsersBatch_WhenIdsNameNoUser_RefusesTheWholeBatch_ListingEachOne()
    {
        var users = await CreateUsersAsync(_client, 2);
        var publicAccount = (await AccountSeed.CreatePublicAccountsAsync(_client, SampleUsers.Full()))[0];

        var envelope = await _client.DeleteAsync(UsersPath, new[] { Id(users[0]), "6560a1f2c3d4e5f6a7b8c9d0", Id(publicAccount), Id(users[1]) });

        Assert.Equal(404, (int)envelope["statusCode"]!);
        Assert.Equal(2004, (int)envelope["apiCode"]!);
        Assert.Equal("userIds[1]: 用户不存在（另有 1 个错误，见 errors）", (string)envelope["message"]!);
        Assert.Equal([(1, "userIds[1]", "not_found"), (2, "userIds[2]", "not_found")], Errors(envelope));
        Assert.Equal(3, (await api.StoredIdsAsync()).Length);
    }

    [Fact]
    public async Task DeleteUsersBatch_WithAnEmptyMissingOrTooLongList_IsBadRequest()
    {
        var empty = await _client.DeleteAsync(UsersPath, Array.Empty<string>());
        var missing = await Envelopes.ReadAsync(await _client.PostRawAsync(UsersPath, "{}"));
        var noBody = await Envelopes.ReadAsync(await _client.PostRawAsync(UsersPath, ""));
        var tooMany = await _client.DeleteAsync(UsersPath, Enumerable.Range(0, 51).Select(i => $"id{i}").ToArray());

        AccountSeed.AssertFailure(empty, 400, "参数 userIds 格式错误");
        AccountSeed.AssertFailure(missing, 400, "参数 userIds 格式错误");
        AccountSeed.AssertFailure(noBody, 400, "参数 userIds 格式错误");
        AccountSeed.AssertFailure(tooMany, 400, "参数 userIds 最多 50 项");
        Assert.Equal("userIds", (string)tooMany["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task DeleteUsersBatch_WithMalformedIds_ReportsEveryOne_AndDeletesNothing()
    {
        var user = await AccountSeed.CreateUserAsync(_client);

        var envelope = await Envelopes.ReadAsync(await _client.PostRawAsync(UsersPath,
            new JsonObject
            {
                ["userIds"] = new JsonArray((string)user["email"]!, "not an e-mail", null, "", "two\nlines"),
                ["options"] = new JsonObject { ["userIdType"] = "email" },
            }.ToJsonString()));

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal(
            [(1, "userIds[1]", "invalid_format"), (2, "userIds[2]", "required"), (3, "userIds[3]", "required"), (4, "userIds[4]", "invalid_format")],
            Errors(envelope));
        Assert.Single(await api.StoredIdsAsync());
    }

    [Fact]
    public async Task DeleteUsersBatch_WithAnIdTypeTheServerCannotServe_IsRefusedClearly()
    {
        var user = await AccountSeed.CreateUserAsync(_client);

        var customField = await _client.DeleteAsync(UsersPath, new[] { Id(user) }, new { userIdType = "custom_field" });
        var unknown = await _client.DeleteAsync(UsersPath, new[] { Id(user) }, new { userIdType = "nickname" });
        var unknownOption = await Envelopes.ReadAsync(await _client.PostRawAsync(UsersPath, new JsonObject
        {
            ["userIds"] = new JsonArray(Id(user)), ["options"] = new JsonObject { ["force"] = true },
        }.ToJsonString()));

        AccountSeed.AssertFailure(customField, 400, "暂不支持 userIdType 为 custom_field");
        Assert.Equal([(null, "options.userIdType", "not_supported")], Errors(customField));
        Assert.Equal([(null, "options.userIdType", "invalid_value")], Errors(unknown));
        Assert.Equal(400, (int)unknownOption["statusCode"]!);
        Assert.Contains("options.force", unknownOption.ToJsonString());
        Assert.Single(await api.StoredIdsAsync());
    }

    [Fact]
    public async Task DeleteUsersBatch_NamingOneUserTwice_IsBadRequest()
    {
        var user = await AccountSeed.CreateUserAsync(_client);
        var phone = (string)user["phone"]!;

        var envelope = await _client.DeleteAsync(UsersPath, new[] { phone, "+86 " + phone }, new { userIdType = "phone" });

        Assert.Equal(400, (int)envelope["statusCode"]!);
        Assert.Equal([(1, "userIds[1]", "duplicate_in_batch")], Errors(envelope));
        Assert.Equal(0, (int)envelope["errors"]![0]!["conflict"]!["index"]!);
        Assert.Single(await api.StoredIdsAsync());
    }

    [Theory]
    [InlineData("email")]
    [InlineData("username")]
    [InlineData("phone")]
    [InlineData("external_id")]
    [InlineData("identity")]
    public async Task DeleteUsersBatch_ByEachUserIdType_DeletesTheUsersNamed(string userIdType)
    {
        var samples = Enumerable.Range(0, 2).Select(i =>
        {
            var sample = SampleUsers.Full();
            sample["identities"] = new[] { new { extIdpId = "idp", provider = "github", type = "primary", userIdInIdp = $"gh-{sample["username"]}" } };
            return sample;
        }).ToArray();
        var users = await AccountSeed.CreateUsersAsync(_client, [.. samples, SampleUsers.Full()]);
        var names = samples.Select(s => userIdType switch
        {
            "email" => ((string)s["email"]!).ToUpperInvariant(),
            "username" => ((string)s["username"]!).ToUpperInvariant(),
            "phone" => "+86 " + s["phone"],
            "external_id" => (string)s["externalId"]!,
            _ => $"idp:gh-{s["username"]}",
        }).ToArray();

        var envelope = await _client.DeleteAsync(UsersPath, names, new { userIdType });

        AssertDeleted(envelope);
        Assert.Equal([Id(users[2])], await api.StoredIdsAsync());
    }

    [Fact]
    public async Task DeleteUsersBatch_DryRun_ChecksEverything_AndDeletesNothing()
    {
        var users = await CreateUsersAsync(_client, 2);

        var found = await _client.DeleteAsync(UsersPath, users.Select(Id).ToArray(), new { dryRun = true });
        var missing = await _client.DeleteAsync(UsersPath, new[] { Id(users[0]), "missing" }, new { dryRun = true });

        AssertDeleted(found);
        Assert.Equal(404, (int)missing["statusCode"]!);
        Assert.Equal(2, (await api.StoredIdsAsync()).Length);
    }

    [Fact]
    public async Task DeleteUsersBatch_RetriedWithItsIdempotencyKey_AnswersTheFirstAnswer_NotNotFound()
    {
        var users = await CreateUsersAsync(_client, 2);
        var body = new { userIds = users.Select(Id).ToArray() };

        var first = await _client.DeleteWithKeyAsync(UsersPath, body, "rollback-1");
        var retry = await _client.DeleteWithKeyAsync(UsersPath, body, "rollback-1");
        var withoutKey = await _client.DeleteAsync(UsersPath, body.userIds);
        var otherBody = await _client.DeleteWithKeyAsync(UsersPath, new { userIds = new[] { Id(users[0]) } }, "rollback-1");

        AssertDeleted(first.Envelope);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Envelope.ToJsonString(), retry.Envelope.ToJsonString());
        Assert.Equal(404, (int)withoutKey["statusCode"]!);
        Assert.Equal(422, (int)otherBody.Envelope["statusCode"]!);
        Assert.Empty(await api.StoredIdsAsync());
    }

    [Fact]
    public async Task DeleteUsersBatch_IsABoundedNumberOfStatements_WhateverTheBatchSize()
    {
        var one = await CreateUsersAsync(_client, 1);
        var fifty = await CreateUsersAsync(_client, 50);

        var forOne = await CountCommandsAsync(one);
        var forFifty = await CountCommandsAsync(fifty);

        Assert.Equal(forOne, forFifty);
        Assert.InRange(forFifty, 1, 6);
        Assert.Empty(await api.StoredIdsAsync());
    }

    /// <summary>The statements of the delete request alone (see <see cref="DatabaseCommands"/>), not the server's background work.</summary>
    private async Task<int> CountCommandsAsync(JsonObject[] users)
    {
        var (envelope, statements) = await DatabaseCommands.OfPostAsync(_client, UsersPath, new { userIds = users.Select(Id).ToArray() });
        AssertDeleted(envelope);
        return statements.Count;
    }
}
