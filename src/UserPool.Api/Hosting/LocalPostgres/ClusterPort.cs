using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace UserPool.Api.Hosting.LocalPostgres;

/// <summary>Picks and remembers the loopback port of a cluster, so connection strings stay stable across runs.</summary>
internal static class ClusterPort
{
    private const string PortFileName = "userpool.port";
    private const int PidFilePortLine = 3; // postmaster.pid: pid, data dir, start time, port, …

    public static int Choose(string dataDirectory)
    {
        var remembered = ReadInteger(Path.Combine(dataDirectory, PortFileName), line: 0);
        return remembered is { } port && IsFree(port) ? port : AnyFreePort();
    }

    public static void Remember(string dataDirectory, int port) =>
        File.WriteAllText(Path.Combine(dataDirectory, PortFileName), port.ToString(CultureInfo.InvariantCulture) + "\n");

    public static int? ReadFromPidFile(string dataDirectory) =>
        ReadInteger(Path.Combine(dataDirectory, "postmaster.pid"), PidFilePortLine);

    private static int? ReadInteger(string file, int line)
    {
        try
        {
            var lines = File.ReadAllLines(file);
            return lines.Length > line && int.TryParse(lines[line].Trim(), CultureInfo.InvariantCulture, out var value)
                && value is > 0 and <= IPEndPoint.MaxPort
                ? value
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // no readable file simply means nothing to remember
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int AnyFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
