namespace TrustFund.Web.Features.Documents;

/// <summary>Why a PDF could not be made, as the 503 page says it.</summary>
/// <param name="Heading">What happened, in a few words.</param>
/// <param name="Explanation">What the reader can do about it.</param>
/// <param name="Remedy">What an operator installs or configures; null when it is not about the installation.</param>
/// <param name="HtmlVersion">The same document on screen, which needs no browser on the server.</param>
public sealed record PdfProblem(string Heading, string Explanation, string? Remedy, string HtmlVersion);
