namespace TrustFund.Domain.Places;

/// <summary>A country or area: its ISO 3166-1 alpha-3 code and its English name as the UN writes it.</summary>
public sealed record Country(string Code, string Name);
