using System.Globalization;
using System.Net;
using TrustFund.Application.Documents;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Web.Tests.Documents;

/// <summary>The header and footer printed on every PDF page, in the reader's language and direction.</summary>
public sealed class PageFrameTests
{
    private static readonly DateTimeOffset Generated = new(2026, 12, 6, 20, 15, 0, TimeSpan.Zero);

    [Test]
    public void Footer_WithoutWords_IsEnglish()
    {
        var footer = WebUtility.HtmlDecode(PageFrame.Footer(new PdfDocumentRequest(string.Empty, "Award letter", "UNVTF-G-2026-0001", Generated), "UTC"));

        Assert.That(footer, Does.Contain("<span>Generated 6 December 2026, 20:15 UTC</span><span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span>"));
    }

    [Test]
    public void Footer_InFrench_SaysWhenAndWhichPageInFrench()
    {
        var words = new PageFrameWords(new CultureInfo("fr"), "Généré le {0}", "Page {0} sur {1}");

        var footer = WebUtility.HtmlDecode(PageFrame.Footer(new PdfDocumentRequest(string.Empty, "Lettre d'attribution", "UNVTF-G-2026-0001", Generated, Frame: words), "Europe/Vienna"));

        Assert.Multiple(() =>
        {
            Assert.That(footer, Does.Contain("<span>Généré le 6 décembre 2026, 20:15 UTC (21:15 Europe/Vienna)</span>"));
            Assert.That(footer, Does.Contain("<span>Page <span class=\"pageNumber\"></span> sur <span class=\"totalPages\"></span></span>"));
            Assert.That(footer, Does.Contain("direction: ltr;"));
        });
    }

    [Test]
    public void Frame_InArabic_IsRightToLeftWithTheMomentAndReferenceKeptInOrder()
    {
        var words = new PageFrameWords(new CultureInfo("ar"), "أُنشئ في {0}", "الصفحة {0} من {1}");
        var request = new PdfDocumentRequest(string.Empty, "خطاب المنحة", "UNVTF-G-2026-0001", Generated, Frame: words);

        var header = WebUtility.HtmlDecode(PageFrame.Header(request));
        var footer = WebUtility.HtmlDecode(PageFrame.Footer(request, "UTC"));

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Contain("direction: rtl;"));
            Assert.That(header, Does.Contain("<span dir=\"ltr\">UNVTF-G-2026-0001</span>"));
            Assert.That(footer, Does.Contain("direction: rtl;"));
            Assert.That(footer, Does.Contain("أُنشئ في 6 ديسمبر 2026، \u206620:15 UTC\u2069"), "the day reads right to left, the time is isolated left to right");
            Assert.That(footer, Does.Contain("الصفحة <span class=\"pageNumber\"></span> من <span class=\"totalPages\"></span>"));
        });
    }
}
