using System.Globalization;
using System.Text;
using TrustFund.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace TrustFund.Web.Tests.Documents;

public sealed class PdfInfoUpdateTests
{
    [Test]
    public void WithAuthor_PdfWithInfo_AddsTheAuthorAndKeepsTheTitleAndTheOriginalBytes()
    {
        var original = MinimalPdf(info: "<< /Title (Board pack) /Producer (Skia/PDF) >>");

        var updated = PdfInfoUpdate.WithAuthor(original, "TrustFund Secretariat");

        using var document = PdfDocument.Open(updated);
        Assert.Multiple(() =>
        {
            Assert.That(document.Information.Author, Is.EqualTo("TrustFund Secretariat"));
            Assert.That(document.Information.Title, Is.EqualTo("Board pack"));
            Assert.That(document.Information.Producer, Is.EqualTo("Skia/PDF"));
            Assert.That(document.NumberOfPages, Is.EqualTo(1));
            Assert.That(updated.Take(original.Length), Is.EqualTo(original), "an incremental update only appends");
        });
    }

    [Test]
    public void WithAuthor_NonLatinAuthor_IsWrittenAsUnicode()
    {
        var updated = PdfInfoUpdate.WithAuthor(MinimalPdf(info: "<< /Title (Dossier) >>"), "Секретариат 秘书处");

        using var document = PdfDocument.Open(updated);
        Assert.That(document.Information.Author, Is.EqualTo("Секретариат 秘书处"));
    }

    [Test]
    public void WithAuthor_AuthorAlreadyThere_IsReplaced()
    {
        var updated = PdfInfoUpdate.WithAuthor(MinimalPdf(info: "<< /Author (Someone else) /Title (Dossier) >>"), "TrustFund Secretariat");

        using var document = PdfDocument.Open(updated);
        Assert.Multiple(() =>
        {
            Assert.That(document.Information.Author, Is.EqualTo("TrustFund Secretariat"));
            Assert.That(document.Information.Title, Is.EqualTo("Dossier"));
        });
    }

    [Test]
    public void WithAuthor_PdfWithoutInfo_AddsAnInfoDictionary()
    {
        var updated = PdfInfoUpdate.WithAuthor(MinimalPdf(info: null), "TrustFund Secretariat");

        using var document = PdfDocument.Open(updated);
        Assert.That(document.Information.Author, Is.EqualTo("TrustFund Secretariat"));
    }

    [Test]
    public void WithAuthor_AppliedTwice_TheLatestRevisionWins()
    {
        var once = PdfInfoUpdate.WithAuthor(MinimalPdf(info: "<< /Title (Dossier) >>"), "First");
        var twice = PdfInfoUpdate.WithAuthor(once, "Second");

        using var document = PdfDocument.Open(twice);
        Assert.Multiple(() =>
        {
            Assert.That(document.Information.Author, Is.EqualTo("Second"));
            Assert.That(document.Information.Title, Is.EqualTo("Dossier"));
        });
    }

    [Test]
    public void WithAuthor_NotAClassicPdf_IsReturnedUnchanged()
    {
        var bytes = Encoding.ASCII.GetBytes("not a pdf at all");

        Assert.That(PdfInfoUpdate.WithAuthor(bytes, "TrustFund Secretariat"), Is.SameAs(bytes));
    }

    /// <summary>A one-page PDF with a classic cross-reference table, as Chromium writes them.</summary>
    private static byte[] MinimalPdf(string? info)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        };
        if (info is not null)
        {
            objects.Add(info);
        }

        var pdf = new StringBuilder("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{(info is null ? string.Empty : " /Info 4 0 R")} /ID [<0123456789ABCDEF> <0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }
}
