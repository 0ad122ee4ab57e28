namespace TrustFund.Application.Documents;

/// <summary>One document to print.</summary>
/// <param name="Html">A whole HTML document with its styles inline; its <c>&lt;title&gt;</c> becomes the PDF's title.</param>
/// <param name="Title">The document's name, printed in every page's header.</param>
/// <param name="Reference">The record it is about (an application or call reference), printed in the header.</param>
/// <param name="Generated">When it was generated, printed in the footer in UTC and in the fund's time zone.</param>
/// <param name="Landscape">Printed across the page, for wide tables.</param>
public sealed record PdfDocumentRequest(string Html, string Title, string? Reference, DateTimeOffset Generated, bool Landscape = false);
