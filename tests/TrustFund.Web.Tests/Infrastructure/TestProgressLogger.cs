using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>
/// Writes the app's errors (an unhandled exception behind a 500, a failed background job) to the test
/// run's progress output, so that a test failing on a status code shows why the server failed.
/// </summary>
internal sealed class TestProgressLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>The errors the app has logged, oldest first (the last 20), for a failure message to quote.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, TestProgressLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var line = $"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}";
                TestContext.Progress.WriteLine(line);
                provider._errors.Enqueue(line);
                while (provider._errors.Count > 20 && provider._errors.TryDequeue(out _))
                {
                }
            }
        }
    }
}
