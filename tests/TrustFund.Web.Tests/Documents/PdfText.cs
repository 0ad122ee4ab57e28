using System.Text;
using UglyToad.PdfPig;

namespace TrustFund.Web.Tests.Documents;

/// <summary>What a PDF says, read back with PdfPig.</summary>
public sealed record PdfText(string Title, string Author, int Pages, string Text)
{
    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            text.AppendJoin(' ', page.GetWords().Select(w => w.Text)).Append('\n');
        }

        // Compatibility forms to their plain letters: the CJK font's glyphs for 人, 口, 心 map back to the Kangxi
        // radicals that share them (U+2F08...), and ligatures such as "ﬂ" come back as one character.
        return new PdfText(document.Information.Title ?? string.Empty, document.Information.Author ?? string.Empty, document.NumberOfPages, text.ToString().Normalize(NormalizationForm.FormKC));
    }

    /// <summary>The text without any white space, so words split or joined by extraction still match.</summary>
    public string Compact => WithoutSpaces(Text);

    /// <summary>Whether the PDF says <paramref name="phrase"/>, white space aside.</summary>
    public bool Says(string phrase) => Compact.Contains(WithoutSpaces(phrase), StringComparison.Ordinal);

    /// <summary>
    /// Whether the PDF says <paramref name="phrase"/> with perhaps other text in between its words (or, in
    /// scripts written without spaces, its characters): a name wrapped in a table cell is extracted line by
    /// line, between the text of the cells beside it.
    /// </summary>
    public bool Mentions(string phrase)
    {
        var tokens = phrase.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(token => token.Any(c => c >= '\u2E80') ? token.Select(c => c.ToString()) : [token]);
        var text = Compact;
        var at = 0;
        foreach (var token in tokens)
        {
            var found = text.IndexOf(token, at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + token.Length;
        }

        return true;
    }

    public static string WithoutSpaces(string text) => string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
}
