namespace TrustFund.Application.Email;

/// <summary>An email to send: plain text always, HTML optionally.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);
