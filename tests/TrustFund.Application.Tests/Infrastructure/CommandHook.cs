using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustFund.Application.Tests.Infrastructure;

/// <summary>
/// Runs an action once, right after the first SQL command whose text matches: a test's way to make
/// another request win a race at exactly the point where it matters (between a check and the write).
/// </summary>
public sealed class CommandHook : DbCommandInterceptor
{
    private readonly Func<string, bool> _matches;
    private Func<Task>? _action;

    public CommandHook(Func<string, bool> matches)
    {
        _matches = matches;
    }

    /// <summary>Whether the action has run.</summary>
    public bool Fired { get; private set; }

    /// <summary>Arms the hook: <paramref name="action"/> runs after the next matching command.</summary>
    public void Arm(Func<Task> action) => _action = action;

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (_action is { } action && _matches(command.CommandText))
        {
            _action = null;
            Fired = true;
            await action();
        }

        return result;
    }
}
