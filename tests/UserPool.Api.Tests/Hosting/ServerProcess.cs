using System.Diagnostics;
using System.Text;

namespace UserPool.Api.Tests.Hosting;

/// <summary>The real server binary run as a separate process (as `dotnet run` would), with settings in its environment.</summary>
public static class ServerProcess
{
    private static string ApiDll => Path.Combine(AppContext.BaseDirectory, "UserPool.Api.dll");

    /// <summary>Runs a command-line verb to completion and returns its exit code and console output.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output.ToString());
    }

    /// <summary>Starts the server, waits until it logs that it listens, then stops it with SIGTERM; returns its console output.</summary>
    public static async Task<string> StartAndStopAsync(IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(environment, ["--urls", "http://127.0.0.1:0"]);
        var output = new StringBuilder();
        var started = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.Contains("Application started", StringComparison.Ordinal) == true) started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (!process.HasExited)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();
        }

        await process.WaitForExitAsync();
        return output.ToString();
    }

    /// <summary>Starts the server on <paramref name="url"/> and waits until /health/ready answers.</summary>
    public static async Task<Process> StartServingAsync(IReadOnlyDictionary<string, string> environment, string url)
    {
        var process = Start(environment, ["--urls", url]);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 120 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        process.Kill();
        throw new InvalidOperationException("The server did not become ready.");
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ApiDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }
}
