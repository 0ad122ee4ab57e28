using System.Runtime.CompilerServices;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;

namespace TrustFund.Application.Exports;

/// <summary>
/// The fund managers' applications list as a file: every application its filters, status and search
/// select (not only one page), in the list's order, read through the list's own reader.
/// </summary>
public sealed record ExportApplications(ApplicationListQuery Query) : IUseCase<ExportTable>
{
    public static IReadOnlyList<string> Headers { get; } =
        ["Reference", "Call", "Title", "Organisation", "Implementing countries", "Status", "Amount requested (USD)", "Submitted (UTC)"];
}

internal sealed class ExportApplicationsHandler : IUseCaseHandler<ExportApplications, ExportTable>
{
    private readonly IApplicationList _list;

    public ExportApplicationsHandler(IApplicationList list)
    {
        _list = list;
    }

    public Task<ExportTable> HandleAsync(ExportApplications request, CancellationToken cancellationToken) =>
        Task.FromResult(new ExportTable("applications", ExportApplications.Headers, RowsAsync(request.Query, cancellationToken)));

    private async IAsyncEnumerable<object?[]> RowsAsync(ApplicationListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _list.ReadAllAsync(query, cancellationToken))
        {
            yield return
            [
                row.Reference,
                row.CallCode,
                row.Title,
                row.OrganisationName,
                string.Join("; ", row.CountryIndex.Split('|', StringSplitOptions.RemoveEmptyEntries)),
                StatusWords.Of(row.Status),
                row.AmountRequested,
                row.SubmittedAtUtc,
            ];
        }
    }
}
