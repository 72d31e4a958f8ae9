using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Inbound.Tests.ScaleOut;

/// <summary>
/// One app node as an operator runs it: <c>dotnet Inbound.Web.dll</c> from the build output, configured by environment
/// variables, on 127.0.0.1 and a free port. Its output goes to a log file beside the data, for the failure message.
/// It is killed by its process id when disposed, whatever the test did.
/// </summary>
public sealed class AppNodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppNodeProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }
    public string LogPath { get; }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public static async Task<AppNodeProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string logFolder)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var output = WebBuildOutput();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, "Inbound.Web.dll")])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Development serves the packages' static files (_content/...) from the build output, as `dotnet run` does.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        Directory.CreateDirectory(logFolder);
        var logPath = Path.Combine(logFolder, $"{name}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new AppNodeProcess(process, log, baseAddress, logPath);
        try
        {
            await node.WaitUntilServingAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>kill -9: no shutdown, nothing flushed; what the node held only in memory is gone.</summary>
    public void Crash()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = CreateHttpClient();
        // Generous: two nodes migrate, seed and compile their first pages on a loaded 2-core machine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The node exited with {_process.ExitCode}:\n{RecentLog()}");
            try
            {
                using var response = await http.GetAsync("account/login");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The node did not answer at {BaseAddress}:\n{RecentLog()}");
            await Task.Delay(100);
        }
    }

    /// <summary>The last lines the node wrote, for a failing test's message.</summary>
    public string RecentLog()
    {
        lock (_log) _log.Flush();
        try
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var text = reader.ReadToEnd();
            return text.Length > 12000 ? text[^12000..] : text;
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Inbound.Web's own build output, of the same configuration as these tests.</summary>
    private static string WebBuildOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Inbound.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"Inbound.sln not found above {AppContext.BaseDirectory}");
        var output = Path.Combine(root.FullName, "Inbound.Web", "bin", configuration, framework);
        if (!File.Exists(Path.Combine(output, "Inbound.Web.dll")))
            throw new InvalidOperationException($"Build the solution first: {output} has no Inbound.Web.dll");
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Crash();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
        return ValueTask.CompletedTask;
    }
}
