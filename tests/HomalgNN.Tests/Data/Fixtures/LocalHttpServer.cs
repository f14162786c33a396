using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HomalgNN.Tests.Data.Fixtures;

/// <summary>What a test server saw: the path and the start of a "Range: bytes=N-" header, if any.</summary>
public sealed record ServedRequest(string Path, long? RangeFrom);

/// <summary>A scripted answer: status, type, body, and faults to stage (a cut connection, a stall).</summary>
public sealed record ServerReply(int Status, string ContentType, byte[] Body)
{
    /// <summary>For 206: the offset the body starts at and the full length, sent as Content-Range.</summary>
    public (long From, long Total)? ContentRange { get; init; }
    /// <summary>Send only this many body bytes, then close the connection (Content-Length still promises all).</summary>
    public int? CutAfter { get; init; }
    /// <summary>Never answer: hold the connection until the server stops.</summary>
    public bool Stall { get; init; }

    public static ServerReply NotFound() => new(404, "text/plain", "not found"u8.ToArray());
    public static ServerReply Html() => new(200, "text/html", "<!DOCTYPE html><html><body>Mirror maintenance</body></html>"u8.ToArray());

    /// <summary>The file's bytes as a static server sends them: 206 from the requested offset when <paramref name="honourRange"/>, else 200.</summary>
    public static ServerReply File(byte[] bytes, ServedRequest request, bool honourRange = true) =>
        honourRange && request.RangeFrom is long from && from < bytes.Length
            ? new ServerReply(206, "application/x-gzip", bytes[(int)from..]) { ContentRange = (from, bytes.Length) }
            : new ServerReply(200, "application/x-gzip", bytes);
}

/// <summary>A minimal HTTP/1.1 server on 127.0.0.1 and a free port, one request per connection, answering through a test's handler.</summary>
/// <remarks>Bounded: it stops itself after <c>lifetime</c> (default one minute) even if a test forgets to dispose it.</remarks>
public sealed class LocalHttpServer : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop;
    readonly Func<ServedRequest, ServerReply> _handler;

    public LocalHttpServer(Func<ServedRequest, ServerReply> handler, TimeSpan? lifetime = null)
    {
        _handler = handler;
        _stop = new CancellationTokenSource(lifetime ?? TimeSpan.FromMinutes(1));
        _listener.Start();
        _stop.Token.Register(_listener.Stop);
        _ = AcceptLoopAsync();
    }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<ServedRequest> Requests { get; } = new();

    /// <summary>Body bytes actually written, over all replies.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);
    long _bytesSent;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) _stop.Cancel();
    }
    int _disposed;

    async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var connection = client;
        try
        {
            var token = _stop.Token;
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream, token);
            Requests.Enqueue(request);
            var reply = _handler(request);
            if (reply.Stall)
            {
                await Task.Delay(Timeout.Infinite, token);
                return;
            }
            var head = new StringBuilder($"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n")
                .Append($"Content-Type: {reply.ContentType}\r\nContent-Length: {reply.Body.Length}\r\nConnection: close\r\n");
            if (reply.ContentRange is var (from, total)) head.Append($"Content-Range: bytes {from}-{from + reply.Body.Length - 1}/{total}\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), token);
            int count = Math.Min(reply.CutAfter ?? reply.Body.Length, reply.Body.Length);
            await stream.WriteAsync(reply.Body.AsMemory(0, count), token);
            Interlocked.Add(ref _bytesSent, count);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    static async Task<ServedRequest> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains("\r\n\r\n"))
        {
            int n = await stream.ReadAsync(buffer, token);
            if (n == 0) throw new IOException("client closed before the end of the headers");
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        var lines = text.ToString().Split("\r\n");
        var path = lines[0].Split(' ')[1];
        long? rangeFrom = null;
        foreach (var line in lines.Skip(1))
            if (line.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase))
                rangeFrom = long.Parse(line["Range: bytes=".Length..].Split('-')[0]);
        return new ServedRequest(path, rangeFrom);
    }

    static string Reason(int status) => status switch
    {
        200 => "OK", 206 => "Partial Content", 404 => "Not Found", 416 => "Range Not Satisfiable", 500 => "Internal Server Error", _ => "Status",
    };
}
