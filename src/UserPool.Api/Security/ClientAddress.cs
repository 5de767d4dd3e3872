using System.Net;

namespace UserPool.Api.Security;

/// <summary>
/// The client address that per-address limits key on. Behind configured proxies it is the forwarded client
/// (<see cref="ForwardedHeadersSetup"/> has rewritten the connection's address by now). An IPv6 client is keyed
/// by its /64 network: one host usually owns a whole /64 and could otherwise take a fresh address per request.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
