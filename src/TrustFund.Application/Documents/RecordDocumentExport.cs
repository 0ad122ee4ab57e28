using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Documents;

/// <summary>
/// A generated document left the system (a PDF downloaded): audited as an export, naming the document,
/// the record it is about and whether reviewer names were replaced. Recorded once the PDF is printed,
/// so a failed print leaves no export in the log.
/// </summary>
public sealed record RecordDocumentExport(string Document, string EntityType, Guid EntityId, string Label) : IUseCase<Done>;

internal sealed class RecordDocumentExportHandler : IUseCaseHandler<RecordDocumentExport, Done>
{
    private readonly IAuditTrail _audit;

    public RecordDocumentExportHandler(IAuditTrail audit)
    {
        _audit = audit;
    }

    public async Task<Done> HandleAsync(RecordDocumentExport request, CancellationToken cancellationToken)
    {
        await _audit.RecordNowAsync(
            AuditActions.DocumentExported,
            $"{request.Document} of {request.Label} exported as PDF",
            request.EntityType,
            request.EntityId.ToString("D", System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);
        return Done.Value;
    }
}
