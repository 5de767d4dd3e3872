using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace UserPool.Api.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies in ForwardedHeaders:KnownProxies (addresses)
/// and ForwardedHeaders:KnownNetworks (CIDR, e.g. 10.0.0.0/8); entries may also be comma-separated. Then the
/// per-address limits key on the real client, and a client cannot pick its own address by sending the header.
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddUserPoolForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(Section);
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Each hop must itself be a known proxy before the address it names is believed, so a chain of known
            // proxies unwinds to the first unknown address, whatever its length.
            options.ForwardLimit = null;
            // ASP.NET Core trusts loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in Entries(section, "KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies holds '{proxy}', which is not an IP address."));
            }

            foreach (var network in Entries(section, "KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{network}', which is not a CIDR network such as 10.0.0.0/8."));
            }
        });
        return builder;
    }

    public static IApplicationBuilder UseUserPoolForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        // With no known proxy at all, ASP.NET Core's middleware would believe the headers from anyone.
        return options.KnownProxies.Count + options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }

    private static IEnumerable<string> Entries(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Value is { } single ? [single] : child.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
