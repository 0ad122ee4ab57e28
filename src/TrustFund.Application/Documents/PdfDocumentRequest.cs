using System.Globalization;

namespace TrustFund.Application.Documents;

/// <summary>One document to print.</summary>
/// <param name="Html">A whole HTML document with its styles inline; its <c>&lt;title&gt;</c> becomes the PDF's title.</param>
/// <param name="Title">The document's name, printed in every page's header.</param>
/// <param name="Reference">The record it is about (an application or call reference), printed in the header.</param>
/// <param name="Generated">When it was generated, printed in the footer in UTC and in the fund's time zone.</param>
/// <param name="Landscape">Printed across the page, for wide tables.</param>
/// <param name="Frame">The words of every page's header and footer in the reader's language (English when not given).</param>
public sealed record PdfDocumentRequest(string Html, string Title, string? Reference, DateTimeOffset Generated, bool Landscape = false, PageFrameWords? Frame = null);

/// <summary>
/// The footer's words in the reader's language: <paramref name="Generated"/> has one placeholder (the
/// moment), <paramref name="PageOf"/> two (this page's number, the number of pages); the moment is
/// written in <paramref name="Culture"/>, whose direction is the frame's.
/// </summary>
public sealed record PageFrameWords(CultureInfo Culture, string Generated, string PageOf)
{
    public static PageFrameWords English { get; } = new(CultureInfo.InvariantCulture, "Generated {0}", "Page {0} of {1}");

    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;
}
