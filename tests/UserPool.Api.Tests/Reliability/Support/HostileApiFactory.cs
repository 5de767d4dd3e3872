using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using UserPool.Api.Tests.Infrastructure;

namespace UserPool.Api.Tests.Reliability.Support;

/// <summary>
/// The server on real Kestrel (the body size limit and slow-client timeouts are Kestrel's; the in-memory
/// TestServer has neither), with the default 1 MiB body limit. As in every test host, the notification
/// dispatcher is off, so nothing but the requests under test changes the database.
/// </summary>
public sealed class HostileApiFactory : UserPoolApiFactory
{
    public HostileApiFactory() => UseKestrel(0);

    public Uri ServerUri => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileApiFactory>
{
    public const string Name = "hostile";
}
