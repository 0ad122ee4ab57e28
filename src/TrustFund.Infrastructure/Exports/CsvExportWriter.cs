using System.Globalization;
using CsvHelper;
using TrustFund.Application.Exports;

namespace TrustFund.Infrastructure.Exports;

/// <summary>
/// CSV (RFC 4180, CsvHelper) in UTF-8 with a byte order mark, so spreadsheets read every script; each
/// row is written as it is read, and CsvHelper's buffer is written to the response as it fills. Cells
/// are already neutralised against formula injection by <see cref="ExportCells"/>, so CsvHelper's own
/// injection handling stays off (it would escape them a second time).
/// </summary>
public sealed class CsvExportWriter : IExportWriter
{
    private static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
        Injection = CsvInjection.None,
        NewLine = "\r\n",
    };

    public ExportFormat Format => ExportFormat.Csv;

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        await using (csv)
        {
            await csv.WriteRecordAsync([.. table.Headers], cancellationToken);
            var fields = new string[table.Headers.Count];
            await foreach (var row in table.Rows.WithCancellation(cancellationToken))
            {
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = i < row.Length ? ExportCells.Text(row[i]) : string.Empty;
                }

                await csv.WriteRecordAsync(fields, cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }
    }
}
