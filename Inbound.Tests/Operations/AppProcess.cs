using System.Diagnostics;
using System.Threading.Channels;

namespace Inbound.Tests.Operations;

/// <summary>
/// Inbound as an operator runs it: <c>dotnet Inbound.Web.dll</c> in its own process, configured by environment
/// variables, on a free loopback port, with its own data folder. Its standard output is kept line by line.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private AppProcess(Process process, string dataFolder)
    {
        _process = process;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    /// <summary>Every line of standard output read so far.</summary>
    public IReadOnlyList<string> Lines => _seen;

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "inbound-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Inbound.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Storage__DataFolder"] = dataFolder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var app = new AppProcess(process, dataFolder);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) app._lines.Writer.TryComplete();
            else app._lines.Writer.TryWrite(e.Data);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Reads output until a line matches, or fails when the process ends or the deadline passes first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _lines.Reader.WaitToReadAsync(deadline.Token))
            {
                while (_lines.Reader.TryRead(out var line))
                {
                    _seen.Add(line);
                    if (match(line)) return line;
                }
            }
        }
        catch (OperationCanceledException) { }
        throw new TimeoutException($"No output line with {what}; the output was:\n{string.Join('\n', _seen)}");
    }

    public async ValueTask DisposeAsync()
    {
        // Only the process this test started, by its own handle.
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
