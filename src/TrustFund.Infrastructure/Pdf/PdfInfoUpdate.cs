using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Adds an /Author to a PDF's document information dictionary by an incremental update (ISO 32000-1,
/// 7.5.6): the bytes Chromium wrote stay as they are, and a new revision of the Info object, an xref
/// section for it and a trailer pointing back to the previous one are appended. Chromium writes the
/// title (from &lt;title&gt;) but has no way to set an author. A file whose last cross-reference is a
/// stream rather than a classic table (Chromium writes tables) is returned unchanged.
/// </summary>
public static partial class PdfInfoUpdate
{
    /// <summary>The PDF with <paramref name="author"/> as its author; unchanged when its structure is not the classic one.</summary>
    public static byte[] WithAuthor(byte[] pdf, string author)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (string.IsNullOrWhiteSpace(author))
        {
            return pdf;
        }

        // Latin-1 maps every byte to one char, so offsets in the text are offsets in the file.
        var text = Encoding.Latin1.GetString(pdf);
        var startXref = LastStartXref().Matches(text) is { Count: > 0 } found ? found[^1] : null;
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        if (startXref is null || trailerAt < 0)
        {
            return pdf;
        }

        var trailer = Dictionary(text, text.IndexOf("<<", trailerAt, StringComparison.Ordinal));
        var root = Reference().Match(trailer, trailer.IndexOf("/Root", StringComparison.Ordinal) is var r and >= 0 ? r : trailer.Length);
        var size = SizeEntry().Match(trailer);
        if (!root.Success || !size.Success)
        {
            return pdf;
        }

        var infoMatch = Reference().Match(trailer, trailer.IndexOf("/Info", StringComparison.Ordinal) is var i and >= 0 ? i : trailer.Length);
        int objectNumber;
        string entries;
        if (infoMatch.Success && InfoObject(text, infoMatch.Groups[1].Value) is { } info)
        {
            objectNumber = int.Parse(infoMatch.Groups[1].Value, CultureInfo.InvariantCulture);
            entries = AuthorEntry().Replace(info[2..^2], string.Empty);
        }
        else
        {
            objectNumber = int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture);
            entries = string.Empty;
        }

        var newSize = Math.Max(int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), objectNumber + 1);
        var id = IdEntry().Match(trailer);
        var update = new StringBuilder();
        var prefix = pdf.Length > 0 && pdf[^1] is (byte)'\n' or (byte)'\r' ? string.Empty : "\n";
        update.Append(prefix);
        var objectOffset = pdf.Length + prefix.Length;
        update.Append(CultureInfo.InvariantCulture, $"{objectNumber} 0 obj\n<<{entries.TrimEnd()} /Author {PdfText(author)}>>\nendobj\n");
        var xrefOffset = pdf.Length + update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n{objectNumber} 1\n{objectOffset:D10} 00000 n\r\n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {newSize} /Root {root.Value} /Info {objectNumber} 0 R /Prev {startXref.Groups[1].Value}");
        if (id.Success)
        {
            update.Append(' ').Append(id.Value);
        }

        update.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        var appended = Encoding.Latin1.GetBytes(update.ToString());
        var result = new byte[pdf.Length + appended.Length];
        pdf.CopyTo(result, 0);
        appended.CopyTo(result, pdf.Length);
        return result;
    }

    /// <summary>A PDF text string: UTF-16BE with a byte order mark, written in hex so no character needs escaping.</summary>
    internal static string PdfText(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    /// <summary>The latest definition of object <paramref name="number"/> (generation 0), as its dictionary's text.</summary>
    private static string? InfoObject(string text, string number)
    {
        var definitions = new Regex($@"(?<![0-9]){number}\s+0\s+obj\s*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)).Matches(text);
        if (definitions.Count == 0)
        {
            return null;
        }

        var start = definitions[^1].Index + definitions[^1].Length;
        return text.AsSpan(start).StartsWith("<<") ? Dictionary(text, start) : null;
    }

    /// <summary>The dictionary starting at <paramref name="start"/> ("&lt;&lt;" to its matching "&gt;&gt;"), skipping strings.</summary>
    private static string Dictionary(string text, int start)
    {
        if (start < 0)
        {
            return string.Empty;
        }

        var depth = 0;
        for (var i = start; i < text.Length - 1; i++)
        {
            switch (text[i])
            {
                case '(':
                    i = SkipLiteralString(text, i);
                    break;
                case '<' when text[i + 1] == '<':
                    depth++;
                    i++;
                    break;
                case '>' when text[i + 1] == '>':
                    depth--;
                    i++;
                    if (depth == 0)
                    {
                        return text[start..(i + 1)];
                    }

                    break;
            }
        }

        return string.Empty;
    }

    private static int SkipLiteralString(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return text.Length;
    }

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LastStartXref();

    [GeneratedRegex(@"(\d+)\s+\d+\s+R", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Reference();

    [GeneratedRegex(@"/Size\s+(\d+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IdEntry();

    [GeneratedRegex(@"/Author\s*(\([^)]*\)|<[0-9A-Fa-f\s]*>)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex AuthorEntry();
}
