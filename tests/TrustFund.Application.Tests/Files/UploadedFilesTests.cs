using System.Text;
using TrustFund.Application.Files;

namespace TrustFund.Application.Tests.Files;

/// <summary><see cref="UploadedFiles.Inspect"/>: a file that is none of the accepted types is refused with a message that fits its name.</summary>
public sealed class UploadedFilesTests
{
    private const string NotAPdf = "The file's content does not match its name: it is called a PDF file but it is not a PDF. Check that you chose the right file, or save it again as a PDF.";
    private const string NotAWordDocument = "The file's content does not match its name: it is called a Word (DOCX) file but it is not a Word document. Check that you chose the right file, or save it again as a Word (DOCX) file.";
    private const string NotAnExcelWorkbook = "The file's content does not match its name: it is called an Excel (XLSX) file but it is not an Excel workbook. Check that you chose the right file, or save it again as an Excel (XLSX) file.";
    private const string NotAJpg = "The file's content does not match its name: it is called a JPG image but it is not a JPG image. Check that you chose the right file, or save it again as a JPG image.";
    private const string NotAPng = "The file's content does not match its name: it is called a PNG image but it is not a PNG image. Check that you chose the right file, or save it again as a PNG image.";
    private const string AcceptedTypes = "The file must be a PDF, Word (DOCX), Excel (XLSX), JPG or PNG file.";

    private static readonly byte[] Elf = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, .. new byte[120]];
    private static readonly byte[] WindowsProgram = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode"u8.ToArray()];

    private static IEnumerable<TestCaseData> UnrecognisedContent()
    {
        TestCaseData Case(string name, string fileName, byte[] content, string message) =>
            new TestCaseData(fileName, content, message).SetArgDisplayNames(name);

        yield return Case("ELF program named .pdf", "manual.pdf", Elf, NotAPdf);
        yield return Case("Windows program (MZ) named .pdf", "invoice.pdf", WindowsProgram, NotAPdf);
        yield return Case("Windows program named .PDF in capitals", "INVOICE.PDF", WindowsProgram, NotAPdf);
        yield return Case("web page named .pdf", "statement.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html></html>"), NotAPdf);
        yield return Case("plain text named .docx", "letter.docx", Encoding.UTF8.GetBytes("Dear Sir or Madam"), NotAWordDocument);
        yield return Case("ELF program named .xlsx", "budget.xlsx", Elf, NotAnExcelWorkbook);
        yield return Case("Windows program named .jpg", "photo.jpg", WindowsProgram, NotAJpg);
        yield return Case("Windows program named .jpeg", "photo.jpeg", WindowsProgram, NotAJpg);
        yield return Case("Windows program named .png", "logo.png", WindowsProgram, NotAPng);
        yield return Case("Windows program named .exe", "setup.exe", WindowsProgram, AcceptedTypes);
        yield return Case("ELF program with no extension", "manual", Elf, AcceptedTypes);
        yield return Case("Windows program named .pdf.exe", "report.pdf.exe", WindowsProgram, AcceptedTypes);
        yield return Case("text named .txt", "notes.txt", Encoding.UTF8.GetBytes("notes"), AcceptedTypes);
    }

    [TestCaseSource(nameof(UnrecognisedContent))]
    public void Inspect_ContentOfNoAcceptedType_IsRefusedWithAMessageForItsName(string fileName, byte[] content, string message)
    {
        var inspection = UploadedFiles.Inspect(fileName, content);

        Assert.Multiple(() =>
        {
            Assert.That(inspection.Accepted, Is.False);
            Assert.That(inspection.Kind, Is.Null);
            Assert.That(inspection.Problem, Is.EqualTo(message));
        });
    }

    [Test]
    public void Inspect_PdfNamedPdf_IsAcceptedAsAPdf()
    {
        var inspection = UploadedFiles.Inspect("report.pdf", "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"u8);

        Assert.That(inspection, Is.EqualTo(FileInspection.Of(FileKind.Pdf)));
    }

    [Test]
    public void Inspect_PdfNamedPng_SaysWhichTypeTheNameClaims()
    {
        var inspection = UploadedFiles.Inspect("photo.png", "%PDF-1.4\n%%EOF\n"u8);

        Assert.That(inspection.Problem, Is.EqualTo("The file's content does not match its name: it is not a PNG file."));
    }
}
