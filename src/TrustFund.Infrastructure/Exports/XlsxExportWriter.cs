using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using TrustFund.Application.Exports;

namespace TrustFund.Infrastructure.Exports;

/// <summary>
/// XLSX written as a stream: the package is a zip written entry after entry (<see cref="ZipArchiveMode.Create"/>,
/// which needs no seeking), the sheet is written element by element with the Open XML SDK's
/// <see cref="OpenXmlWriter"/>, and what the zip has produced is handed to the response every
/// <see cref="FlushEvery"/> bytes. Neither the rows nor the file are ever held whole in memory. The zip and
/// the XML writer write synchronously, so they write into a small buffer that is emptied into the
/// response asynchronously (ASP.NET Core refuses synchronous writes to a response).
/// Text cells are inline strings (no shared-strings table to keep), numbers are numbers, dates ISO 8601 text.
/// </summary>
public sealed class XlsxExportWriter : IExportWriter
{
    /// <summary>Bytes gathered before they are written to the response.</summary>
    public const int FlushEvery = 64 * 1024;

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>
        """;

    public ExportFormat Format => ExportFormat.Xlsx;

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => "xlsx";

    public async Task WriteAsync(ExportTable table, Stream output, CancellationToken cancellationToken)
    {
        using var buffer = new WriteBuffer();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteText(zip, "[Content_Types].xml", ContentTypes);
            WriteText(zip, "_rels/.rels", PackageRelationships);
            WriteText(zip, "xl/workbook.xml", Workbook(table.Name));
            WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships);
            WriteText(zip, "xl/styles.xml", Styles);
            await buffer.EmptyIntoAsync(output, cancellationToken);

            using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
            using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
            {
                writer.WriteStartDocument(true);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, table.Headers, header: true);
                await foreach (var row in table.Rows.WithCancellation(cancellationToken))
                {
                    WriteRow(writer, row, header: false);
                    if (buffer.Length >= FlushEvery)
                    {
                        await buffer.EmptyIntoAsync(output, cancellationToken);
                    }
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        await buffer.EmptyIntoAsync(output, cancellationToken);
    }

    private static void WriteRow(OpenXmlWriter writer, IReadOnlyList<object?> cells, bool header)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            if (!header && ExportCells.Number(value) is { } number)
            {
                writer.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(number) });
            }
            else
            {
                var text = XmlSafe(header ? value as string ?? string.Empty : ExportCells.Text(value));
                var cell = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
                if (header)
                {
                    cell.StyleIndex = 1;
                }

                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Characters XML cannot hold (control characters other than tab and line breaks, lone surrogates) become U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!XmlConvert.IsXmlChar(text[i]) && !(i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])))
            {
                return Replace(text);
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;

        static string Replace(string text)
        {
            var safe = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                {
                    safe.Append(text, i, 2);
                    i++;
                }
                else
                {
                    safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
                }
            }

            return safe.ToString();
        }
    }

    private static string Workbook(string sheetName)
    {
        var name = new string([.. sheetName.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).Take(31)]);
        return $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{System.Security.SecurityElement.Escape(name.Length > 0 ? name : "Export")}" sheetId="1" r:id="rId1"/></sheets></workbook>
            """;
    }

    private static void WriteText(ZipArchive zip, string name, string content)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        var bytes = Encoding.UTF8.GetBytes(content);
        part.Write(bytes, 0, bytes.Length);
    }

    /// <summary>A write-only, unseekable stream that gathers what the zip writes until it is emptied into the response.</summary>
    private sealed class WriteBuffer : Stream
    {
        private readonly MemoryStream _bytes = new();
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _bytes.Length;

        public override long Position
        {
            get => _written;
            set => throw new NotSupportedException();
        }

        public async Task EmptyIntoAsync(Stream output, CancellationToken cancellationToken)
        {
            if (_bytes.Length > 0)
            {
                await output.WriteAsync(_bytes.GetBuffer().AsMemory(0, (int)_bytes.Length), cancellationToken);
                _bytes.SetLength(0);
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _bytes.Write(buffer, offset, count);
            _written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _bytes.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _bytes.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
