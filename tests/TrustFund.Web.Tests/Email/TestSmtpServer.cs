using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace TrustFund.Web.Tests.Email;

/// <summary>A real SMTP server on 127.0.0.1 and a free port, keeping every message it accepts.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    private Task _running = Task.CompletedTask;

    private TestSmtpServer()
    {
    }

    public int Port { get; private set; }

    /// <summary>Messages accepted so far, with the envelope recipients the client gave.</summary>
    public IReadOnlyCollection<ReceivedMessage> Received => _store.Messages;

    public static async Task<TestSmtpServer> StartAsync()
    {
        var server = new TestSmtpServer();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(server._store);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        server._running = new SmtpServerHost(options, services).StartAsync(server._stop.Token);
        server.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    public sealed record ReceivedMessage(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

    private sealed class Store : MessageStore
    {
        private readonly ConcurrentQueue<ReceivedMessage> _messages = new();

        public IReadOnlyCollection<ReceivedMessage> Messages => _messages;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            _messages.Enqueue(new ReceivedMessage(
                $"{transaction.From.User}@{transaction.From.Host}",
                [.. transaction.To.Select(t => $"{t.User}@{t.Host}")],
                message));
            return SmtpResponse.Ok;
        }
    }
}
