namespace TrustFund.Application.Exports;

/// <summary>Writes an <see cref="ExportTable"/> to a stream in one format, row by row as the rows are read.</summary>
public interface IExportWriter
{
    ExportFormat Format { get; }

    string ContentType { get; }

    /// <summary>The file name extension, without the dot.</summary>
    string Extension { get; }

    Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken);
}
