using TrustFund.Domain.Common;

namespace TrustFund.Domain.Organisations;

/// <summary>
/// An applicant NGO. The organisation, not a person, applies for and holds grants; several staff
/// users belong to it.
/// </summary>
public sealed class Organisation : AggregateRoot
{
    public const int LegalNameMaxLength = 300;

    private static readonly TransitionTable<OrganisationStatus> Lifecycle = new TransitionTable<OrganisationStatus>("Organisation")
        .Allow(OrganisationStatus.PendingVerification, "Verified", OrganisationStatus.Verified)
        .Allow(OrganisationStatus.PendingVerification, "Rejected", OrganisationStatus.Rejected)
        .Allow(OrganisationStatus.Verified, "Suspended", OrganisationStatus.Suspended)
        .Allow(OrganisationStatus.Suspended, "Verified", OrganisationStatus.Verified)
        .Allow(OrganisationStatus.Rejected, "Verified", OrganisationStatus.Verified);

    private Organisation()
    {
        LegalName = string.Empty;
        CountryOfRegistration = string.Empty;
    }

    /// <summary>The organisation's full legal name, in any script.</summary>
    public string LegalName { get; private set; }

    /// <summary>ISO 3166 alpha-3 code of the country where the organisation is registered.</summary>
    public string CountryOfRegistration { get; private set; }

    public OrganisationStatus Status { get; private set; }

    /// <summary>Why the organisation was last rejected or suspended.</summary>
    public string? StatusReason { get; private set; }

    public DateTime RegisteredAtUtc { get; private set; }

    public DateTime? StatusChangedAtUtc { get; private set; }

    /// <summary>The legal moves of the verification lifecycle.</summary>
    public static IEnumerable<(OrganisationStatus From, string Action, OrganisationStatus To)> Transitions => Lifecycle.Moves;

    /// <summary>Registers a new organisation; it waits for the Secretariat's verification.</summary>
    public static Organisation Register(string legalName, string countryOfRegistration, DateTime nowUtc)
    {
        var name = (legalName ?? string.Empty).Trim();
        if (name.Length == 0)
        {
            throw new DomainException("organisation.name-required", "Enter the organisation's legal name.");
        }

        if (name.Length > LegalNameMaxLength)
        {
            throw new DomainException("organisation.name-too-long", $"The legal name must be {LegalNameMaxLength} characters or fewer.");
        }

        var country = (countryOfRegistration ?? string.Empty).Trim().ToUpperInvariant();
        if (country.Length != 3 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("organisation.country-invalid", "Choose the country of registration.");
        }

        return new Organisation
        {
            LegalName = name,
            CountryOfRegistration = country,
            Status = OrganisationStatus.PendingVerification,
            RegisteredAtUtc = nowUtc,
        };
    }

    /// <summary>Records that the Secretariat verified the organisation.</summary>
    public void Verify(DateTime nowUtc) => Move("Verified", null, nowUtc);

    /// <summary>Rejects the organisation's registration; a reason is required.</summary>
    public void Reject(string reason, DateTime nowUtc) => Move("Rejected", RequireReason(reason), nowUtc);

    /// <summary>Suspends a verified organisation; a reason is required.</summary>
    public void Suspend(string reason, DateTime nowUtc) => Move("Suspended", RequireReason(reason), nowUtc);

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException("organisation.reason-required", "Give a reason.")
            : reason.Trim();

    private void Move(string action, string? reason, DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, action);
        StatusReason = reason;
        StatusChangedAtUtc = nowUtc;
    }
}
