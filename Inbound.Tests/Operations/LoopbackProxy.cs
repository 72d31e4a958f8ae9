using System.Net;
using System.Net.Sockets;

namespace Inbound.Tests.Operations;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a server, which a test can cut (every connection closed, the port refusing)
/// and restore on the same port: the app sees its database server go away and come back, as in a network outage or a
/// server restart, without the test stopping a server other tests share.
/// </summary>
internal sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    public LoopbackProxy(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Port = ReadinessTests.FreePort();
        Open();
    }

    public int Port { get; }

    public void Open()
    {
        _cut = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _cut.Token);
    }

    /// <summary>Closes every connection and stops listening: new connections are refused.</summary>
    public void Cut()
    {
        _cut.Cancel();
        _listener?.Stop();
        lock (_lock)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient incoming;
            try { incoming = await listener.AcceptTcpClientAsync(cut); }
            catch (Exception) { return; }
            var outgoing = new TcpClient();
            try { await outgoing.ConnectAsync(_target, cut); }
            catch (Exception) { incoming.Dispose(); outgoing.Dispose(); continue; }
            lock (_lock) _open.AddRange([incoming, outgoing]);
            _ = PumpAsync(incoming, outgoing, cut);
            _ = PumpAsync(outgoing, incoming, cut);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cut)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), cut); }
        catch (Exception) { }
        from.Dispose();
        to.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
