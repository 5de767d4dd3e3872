using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.CustomFields;

/// <summary>
/// Concurrent first definitions of one key: FOR UPDATE finds no row to lock, so every call inserts and all but one run
/// into the primary key. Setting is create-or-update, so the losers update the key as a later call would.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SetCustomFieldsRaceTests(UserPoolApiFactory api) : IAsyncLifetime
{
    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SetCustomFields_EightConcurrentFirstDefinitionsOfOneKey_AllSucceedAndOneDefinitionIsStored()
    {
        using var client = api.CreateSignedClient();
        var labels = Enumerable.Range(0, 8).Select(i => $"label {i}").ToList();

        var answers = await Task.WhenAll(labels.Select(label =>
            client.PostEnvelopeAsync(CustomFieldCalls.SetPath, CustomFieldCalls.SetBody("school", label))));

        Assert.All(answers, a => Assert.Equal(200, (int)a["statusCode"]!));
        Assert.Equal(labels, answers.Select(a => (string)a["data"]![0]!["label"]!));
        var stored = Assert.Single(await api.StoredAsync());
        Assert.Equal(("school", "STRING"), (stored.Key, stored.DataType));
        Assert.Contains(stored.Label, labels);
    }
}
