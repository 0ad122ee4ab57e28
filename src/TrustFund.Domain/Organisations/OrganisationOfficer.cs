namespace TrustFund.Domain.Organisations;

/// <summary>A board member or senior officer the organisation lists in its profile (used to find reviewers' conflicts).</summary>
public sealed record OrganisationOfficer(string Name, string Position, string Email)
{
    public const int NameMaxLength = 200;
    public const int PositionMaxLength = 120;
    public const int EmailMaxLength = 256;
    public const int MaximumCount = 30;
}
