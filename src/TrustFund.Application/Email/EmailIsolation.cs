using System.Globalization;

namespace TrustFund.Application.Email;

/// <summary>
/// In an email written right to left (Arabic), each text put into a sentence (a name, an email address,
/// a reference, an amount, a day) stands between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL
/// ISOLATE (U+2069), so that "Hope &amp; Light Ltd." keeps its own direction inside Arabic plain text, as
/// on pages and in account emails. A text that is already isolated is left as it is.
/// </summary>
public static class EmailIsolation
{
    private const char FirstStrong = '\u2068';
    private const char Pop = '\u2069';

    /// <summary>
    /// <paramref name="written"/> (the argument <paramref name="argument"/> as the email's language writes it)
    /// isolated when <paramref name="culture"/> is right to left. A text someone typed is isolated line by line
    /// (the marks do not cross a line break); a part the email writes itself (a list, a day, a phrase) is
    /// isolated whole when it is one line, and left as it is when it is a block of lines, whose own
    /// arguments are isolated where it writes them. A web address is left bare, to stay one link. Numbers keep their formats.
    /// </summary>
    public static object? Argument(object? argument, object? written, CultureInfo culture)
    {
        if (!culture.TextInfo.IsRightToLeft || written is not string text || text.Length == 0)
        {
            return written;
        }

        if (argument is ILocalizedText)
        {
            return text.Contains('\n', StringComparison.Ordinal) ? text : Isolate(text);
        }

        return string.Join('\n', text.Split('\n').Select(line => line.EndsWith('\r') ? IsolateLine(line[..^1]) + "\r" : IsolateLine(line)));
    }

    /// <summary><paramref name="text"/> between the isolate marks, unless it is empty or already one isolate.</summary>
    public static string Isolate(string text) =>
        text.Length == 0 || IsIsolated(text) ? text : FirstStrong + text + Pop;

    // A line of a typed text isolated; a web address (a link on its own line) is left bare, so that mail
    // programs do not take the marks into the link.
    private static string IsolateLine(string line) =>
        Uri.TryCreate(line, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? line : Isolate(line);

    // Whether the text is one isolate from its first character to its last (LRI, RLI or FSI ... PDI).
    private static bool IsIsolated(string text)
    {
        if (text.Length < 2 || text[0] is not ('\u2066' or '\u2067' or FirstStrong) || text[^1] != Pop)
        {
            return false;
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\u2066' or '\u2067' or FirstStrong)
            {
                depth++;
            }
            else if (text[i] == Pop && --depth == 0 && i < text.Length - 1)
            {
                return false;
            }
        }

        return depth == 0;
    }
}
