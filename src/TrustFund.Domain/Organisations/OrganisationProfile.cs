namespace TrustFund.Domain.Organisations;

/// <summary>
/// What an organisation tells the fund about itself, reused by every application. Bank details are
/// kept separately (<see cref="BankDetails"/>) because they need verification and protection.
/// </summary>
public sealed record OrganisationProfile
{
    public string Acronym { get; init; } = string.Empty;

    public OrganisationType? Type { get; init; }

    public int? YearFounded { get; init; }

    public string RegistrationNumber { get; init; } = string.Empty;

    public DateOnly? RegistrationDate { get; init; }

    /// <summary>ISO 3166-1 alpha-3 codes of the countries where the organisation works.</summary>
    public IReadOnlyList<string> CountriesOfOperation { get; init; } = [];

    public string Address { get; init; } = string.Empty;

    public string Phone { get; init; } = string.Empty;

    public string Website { get; init; } = string.Empty;

    public string ContactEmail { get; init; } = string.Empty;

    public string LegalRepresentative { get; init; } = string.Empty;

    /// <summary>Board members and senior officers (a reviewer matching one is a probable conflict).</summary>
    public IReadOnlyList<OrganisationOfficer> Officers { get; init; } = [];

    public string UnppPartnerId { get; init; } = string.Empty;

    /// <summary>Annual budget in USD for the last three years, most recent first.</summary>
    public IReadOnlyList<decimal?> AnnualBudgets { get; init; } = [];

    public string MainDonors { get; init; } = string.Empty;

    public string PreviousGrants { get; init; } = string.Empty;

    public bool AttestsPseaPolicy { get; init; }

    public bool AttestsSafeguardingPolicy { get; init; }

    public bool AttestsDataProtectionPolicy { get; init; }

    public bool AttestsNotIntermediary { get; init; }

    /// <summary>Whole years of experience at <paramref name="on"/>, from the registration date (else the year founded).</summary>
    public int? YearsOfExperience(DateOnly on)
    {
        if (RegistrationDate is { } registered)
        {
            var years = on.Year - registered.Year;
            return registered.AddYears(years) > on ? years - 1 : years;
        }

        return YearFounded is { } founded ? on.Year - founded : null;
    }
}
