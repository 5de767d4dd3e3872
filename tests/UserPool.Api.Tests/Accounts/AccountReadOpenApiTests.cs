using System.Text.Json.Nodes;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Accounts;

[Collection(AccountReadsCollection.Name)]
public sealed class AccountReadOpenApiTests(UserPoolApiFactory api)
{
    [Fact]
    public async Task OpenApi_DescribesEveryReadEndpointUnderItsSdkMethodName()
    {
        using var http = api.CreateClient();

        var document = JsonNode.Parse(await http.GetStringAsync("/swagger/v1/swagger.json"))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => ($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value!)))
            .ToDictionary(o => o.Item1, o => o.Item2);
        foreach (var (route, name) in new[]
                 {
                     ("GET /api/v3/get-user", "getUser"), ("POST /api/v3/list-users", "listUsers"),
                     ("GET /api/v3/list-users", "listUsersLegacy"), ("GET /api/v3/get-public-account", "getPublicAccount"),
                     ("GET /api/v3/get-public-account-batch", "getPublicAccountBatch"),
                     ("POST /api/v3/list-public-accounts", "listPublicAccounts"),
                 })
        {
            Assert.True(operations.TryGetValue(route, out var operation), route);
            Assert.Equal(name, (string)operation!["operationId"]!);
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), route);
            Assert.False(string.IsNullOrEmpty((string?)operation["description"]), route);
        }
    }
}
