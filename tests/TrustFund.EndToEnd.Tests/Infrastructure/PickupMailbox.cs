using System.Diagnostics;
using System.Text.RegularExpressions;
using MimeKit;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>Reads the .eml files the app's outbox dispatcher writes into its pickup folder.</summary>
public static partial class PickupMailbox
{
    /// <summary>
    /// Waits until an email to <paramref name="recipient"/> holds a link whose path is <paramref name="path"/>
    /// and returns that link's path and query, to be opened against the app's own address.
    /// </summary>
    public static async Task<string> WaitForLinkAsync(string folder, string recipient, string path, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var seen = 0;
        while (clock.Elapsed < timeout)
        {
            if (Directory.Exists(folder))
            {
                var files = Directory.GetFiles(folder, "*.eml");
                seen = files.Length;
                foreach (var file in files)
                {
                    if (await LinkInAsync(file, recipient, path) is { } link)
                    {
                        return link;
                    }
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No email to {recipient} with a link to {path} arrived in {folder} within {timeout.TotalSeconds:0} s ({seen} other emails there).");
    }

    private static async Task<string?> LinkInAsync(string file, string recipient, string path)
    {
        MimeMessage message;
        try
        {
            await using var stream = File.OpenRead(file);
            message = await MimeMessage.LoadAsync(stream);
        }
        catch (IOException)
        {
            return null; // Still being written.
        }
        catch (FormatException)
        {
            return null;
        }

        if (!message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var body = message.TextBody ?? message.HtmlBody ?? string.Empty;
        foreach (Match match in Link().Matches(body))
        {
            var uri = new Uri(System.Net.WebUtility.HtmlDecode(match.Value));
            if (uri.AbsolutePath == path)
            {
                return uri.PathAndQuery;
            }
        }

        return null;
    }

    [GeneratedRegex("""https?://[^\s"'<>]+""")]
    private static partial Regex Link();
}
