using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TrustFund.Web.Tests.Exports;

/// <summary>Reads exported files back the way a spreadsheet would: CSV with CsvHelper, XLSX with the Open XML SDK.</summary>
public static class ExportFiles
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Every record of a CSV file, the header row first.</summary>
    public static List<string[]> ReadCsv(byte[] file)
    {
        using var reader = CsvReader.Create(new MemoryStream(file), new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    /// <summary>Every row of the first sheet, as the text of each cell (a number as written), the header row first.</summary>
    public static List<string[]> ReadXlsx(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(CellText).ToArray())];
    }

    /// <summary>The cells of the first sheet that hold numbers (not text), by row and column.</summary>
    public static List<(int Row, int Column, string Value)> NumberCells(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().SelectMany((row, r) => row.Elements<Cell>().Select((cell, c) => (r, c, cell)))
            .Where(x => x.cell.DataType?.Value == CellValues.Number)
            .Select(x => (x.r, x.c, x.cell.CellValue!.Text))];
    }

    private static string CellText(Cell cell) =>
        cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty : cell.CellValue?.Text ?? string.Empty;
}
