using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Operator commands run by the app itself, with its configuration, instead of serving requests:
/// <c>--backup &lt;file&gt;</c> copies the embedded SQLite database while the app keeps running, and
/// <c>--verify-audit</c> walks the audit chain from the first entry to the last (after a restore).
/// Each prints one line and exits 0 on success, 1 otherwise.
/// </summary>
internal sealed record MaintenanceCommand(string Name, string? Argument)
{
    public const string Backup = "--backup";
    public const string VerifyAudit = "--verify-audit";

    /// <summary>The command named in <paramref name="args"/> (if any) and the arguments left for the host.</summary>
    public static (MaintenanceCommand? Command, string[] HostArguments) Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == VerifyAudit)
            {
                return (new MaintenanceCommand(VerifyAudit, null), [.. args[..i], .. args[(i + 1)..]]);
            }

            if (args[i] == Backup)
            {
                return i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                    ? (new MaintenanceCommand(Backup, args[i + 1]), [.. args[..i], .. args[(i + 2)..]])
                    : throw new ArgumentException($"{Backup} needs the file to write, e.g. {Backup} /var/backups/trustfund-2026-12-07.db");
            }
        }

        return (null, args);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            if (Name == Backup)
            {
                var bytes = await SqliteBackup.CopyToAsync(scope.ServiceProvider, Argument!, cancellationToken);
                await output.WriteLineAsync($"Backed up the database to {Path.GetFullPath(Argument!)} ({bytes:N0} bytes, integrity check ok).");
                return 0;
            }

            var report = await scope.ServiceProvider.GetRequiredService<IAuditChainVerifier>().VerifyAsync(cancellationToken);
            await output.WriteLineAsync(report.IsIntact
                ? $"Audit chain intact: {report.EntriesVerified:N0} entries verified from the first to the last."
                : $"Audit chain broken at entry {report.FirstBrokenSequence} ({report.EntriesVerified:N0} entries intact before it).");
            return report.IsIntact && report.EntriesVerified > 0 ? 0 : 1;
        }
        catch (InvalidOperationException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
