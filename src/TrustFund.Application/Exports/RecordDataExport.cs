using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Exports;

/// <summary>
/// A data export left the system: audited (as <see cref="AuditActions.DocumentExported"/>, like a PDF)
/// naming the export, its format and the filters it was made with. Recorded before the rows are read,
/// so an export cut off half-way is still in the log.
/// </summary>
public sealed record RecordDataExport(string Export, ExportFormat Format, string Filters, string? EntityType = null, Guid? EntityId = null) : IUseCase<Done>
{
    /// <summary>How much of the filters the audit summary keeps.</summary>
    public const int FiltersMaxLength = 500;
}

internal sealed class RecordDataExportHandler : IUseCaseHandler<RecordDataExport, Done>
{
    private readonly IAuditTrail _audit;

    public RecordDataExportHandler(IAuditTrail audit)
    {
        _audit = audit;
    }

    public async Task<Done> HandleAsync(RecordDataExport request, CancellationToken cancellationToken)
    {
        var filters = request.Filters.Length > RecordDataExport.FiltersMaxLength ? request.Filters[..RecordDataExport.FiltersMaxLength] + "…" : request.Filters;
        await _audit.RecordNowAsync(
            AuditActions.DocumentExported,
            $"{request.Export} exported as {request.Format.ToString().ToUpperInvariant()}" + (filters.Length > 0 ? $" (filters: {filters})" : " (no filters)"),
            request.EntityType ?? "Export",
            request.EntityId?.ToString("D", CultureInfo.InvariantCulture),
            cancellationToken);
        return Done.Value;
    }
}
