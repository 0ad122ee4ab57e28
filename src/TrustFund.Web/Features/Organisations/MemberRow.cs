namespace TrustFund.Web.Features.Organisations;

/// <summary>One member of an organisation in the members list.</summary>
public sealed record MemberRow(Guid Id, string Name, string Email, bool HasPassword, DateTime? LastSignInAtUtc);
