using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace UserPool.Benchmarks.Hosting;

/// <summary>
/// The server as it is deployed: the Release build of src/UserPool.Api run as its own process
/// (`dotnet UserPool.Api.dll`, as tests/sdk-interop/run.sh does), configured through its environment.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerUnderTest(Process process, StreamWriter log, string url, IReadOnlyDictionary<string, string> settings)
    {
        _process = process;
        _log = log;
        Url = url;
        Settings = settings;
    }

    public string Url { get; }
    public int Pid => _process.Id;
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static string ApiDll(string root) => Path.Combine(root, "src", "UserPool.Api", "bin", "Release", "net10.0", "UserPool.Api.dll");

    public static async Task BuildAsync(string root)
    {
        var (code, output) = await Run("dotnet", ["build", Path.Combine(root, "src", "UserPool.Api"), "-c", "Release", "-nologo", "-v", "quiet"]);
        if (code != 0)
        {
            throw new InvalidOperationException("Building the server failed:\n" + output);
        }
    }

    public static async Task<ServerUnderTest> StartAsync(string root, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ApiDll(root));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 240 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return new ServerUnderTest(process, log, url, settings);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        throw new InvalidOperationException($"The server did not become ready; see {logPath}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: a graceful stop, as an orchestrator would do it.
            await Run("kill", ["-TERM", _process.Id.ToString()]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> Run(string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
