using TrustFund.Domain.Common;

namespace TrustFund.Domain.Organisations;

/// <summary>
/// An applicant NGO. The organisation, not a person, applies for and holds grants; several staff
/// users belong to it.
/// </summary>
public sealed class Organisation : AggregateRoot
{
    public const int LegalNameMaxLength = 300;

    private static readonly TransitionTable<OrganisationStatus> Lifecycle = new TransitionTable<OrganisationStatus>("Organisation", "An organisation that is {0} cannot be {1}.")
        .Allow(OrganisationStatus.PendingVerification, "Verified", OrganisationStatus.Verified)
        .Allow(OrganisationStatus.PendingVerification, "Rejected", OrganisationStatus.Rejected)
        .Allow(OrganisationStatus.Verified, "Suspended", OrganisationStatus.Suspended)
        .Allow(OrganisationStatus.Verified, "SentBackForVerification", OrganisationStatus.PendingVerification)
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

    /// <summary>The organisation's own description of itself.</summary>
    public OrganisationProfile Profile { get; private set; } = new();

    /// <summary>Bank account details; null until the organisation gives them.</summary>
    public BankDetails? Bank { get; private set; }

    public DateTime? StatusChangedAtUtc { get; private set; }

    /// <summary>
    /// True when the stored bank details could not be read (their key is lost or the value was altered):
    /// <see cref="Bank"/> is then null, the stored value is kept untouched, and new details replace it.
    /// </summary>
    public bool BankDetailsUnreadable { get; private set; }

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
            throw new DomainException("organisation.name-too-long", new LocalText("The legal name must be {0} characters or fewer.", LegalNameMaxLength));
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

    /// <summary>
    /// Updates the profile; the legal name and country of registration may be corrected too. A verified
    /// organisation that changes either goes back to pending verification (the Secretariat is told
    /// through <see cref="Events.OrganisationSentBackForVerification"/>).
    /// </summary>
    public void UpdateProfile(string legalName, string countryOfRegistration, OrganisationProfile profile, DateTime nowUtc)
    {
        var checkedName = Register(legalName, countryOfRegistration, RegisteredAtUtc);
        Common.RulesViolatedException.ThrowIfAny(CheckProfile(profile));
        var renamed = !string.Equals(checkedName.LegalName, LegalName, StringComparison.Ordinal);
        var moved = !string.Equals(checkedName.CountryOfRegistration, CountryOfRegistration, StringComparison.Ordinal);
        if ((renamed || moved) && Status == OrganisationStatus.Verified)
        {
            var reason = renamed && moved
                ? "The legal name and the country of registration changed: verify them again."
                : renamed ? "The legal name changed: verify it again." : "The country of registration changed: verify it again.";
            Raise(new Events.OrganisationSentBackForVerification(Id, LegalName, checkedName.LegalName, CountryOfRegistration, checkedName.CountryOfRegistration));
            Move("SentBackForVerification", reason, nowUtc);
        }

        LegalName = checkedName.LegalName;
        CountryOfRegistration = checkedName.CountryOfRegistration;
        Profile = profile with
        {
            CountriesOfOperation = profile.CountriesOfOperation.Select(c => c.ToUpperInvariant()).Distinct().ToList(),
            Officers = profile.Officers.Select(o => new OrganisationOfficer((o.Name ?? string.Empty).Trim(), (o.Position ?? string.Empty).Trim(), (o.Email ?? string.Empty).Trim())).ToList(),
        };
    }

    /// <summary>Replaces the bank details; a change clears their verification, which must be done again.</summary>
    public void ChangeBankDetails(BankDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.AccountNumber) || string.IsNullOrWhiteSpace(details.AccountHolder) || string.IsNullOrWhiteSpace(details.BankName))
        {
            throw new DomainException("organisation.bank-incomplete", "Enter the bank's name, the account number and the account holder.");
        }

        Bank = details with { Verified = false, VerifiedAtUtc = null, VerifiedBy = null };
        BankDetailsUnreadable = false;
    }

    /// <summary>Records that the Secretariat checked the bank account (in the organisation's own name).</summary>
    public void VerifyBankDetails(string verifiedBy, DateTime nowUtc)
    {
        if (BankDetailsUnreadable)
        {
            throw new DomainException("organisation.bank-unreadable", "The stored bank details cannot be read. Ask the organisation to enter them again before verifying them.");
        }

        if (Bank is null)
        {
            throw new DomainException("organisation.bank-missing", "The organisation has not given bank details yet.");
        }

        if (Bank.Verified)
        {
            throw new DomainException("organisation.bank-already-verified", "These bank details are already verified.");
        }

        Bank = Bank with { Verified = true, VerifiedAtUtc = nowUtc, VerifiedBy = verifiedBy };
    }

    /// <summary>Rules of the profile's shape, each tied to its field.</summary>
    public static IReadOnlyList<Common.RuleViolation> CheckProfile(OrganisationProfile profile)
    {
        var errors = new List<Common.RuleViolation>();
        if (profile.YearFounded is < 1800 or > 2100)
        {
            errors.Add(new(nameof(profile.YearFounded), "Enter the year founded as four digits, such as 2008."));
        }

        foreach (var country in profile.CountriesOfOperation.Where(c => !Places.UnM49.IsCountry(c)))
        {
            errors.Add(new(nameof(profile.CountriesOfOperation), new LocalText("'{0}' is not a country code we know.", country)));
        }

        if (profile.AnnualBudgets.Any(b => b is < 0 || (b is { } v && decimal.Round(v, 2) != v)))
        {
            errors.Add(new(nameof(profile.AnnualBudgets), "Annual budgets are amounts in US dollars, zero or more, with at most two decimals."));
        }

        if (profile.AnnualBudgets.Count > 3)
        {
            errors.Add(new(nameof(profile.AnnualBudgets), "Give the budgets of the last three years."));
        }

        foreach (var (field, value, max) in new[]
        {
            (nameof(profile.Acronym), profile.Acronym, 30), (nameof(profile.RegistrationNumber), profile.RegistrationNumber, 100),
            (nameof(profile.Address), profile.Address, 1000), (nameof(profile.Phone), profile.Phone, 50),
            (nameof(profile.Website), profile.Website, 300), (nameof(profile.ContactEmail), profile.ContactEmail, 256),
            (nameof(profile.LegalRepresentative), profile.LegalRepresentative, 200), (nameof(profile.UnppPartnerId), profile.UnppPartnerId, 50),
            (nameof(profile.MainDonors), profile.MainDonors, 2000), (nameof(profile.PreviousGrants), profile.PreviousGrants, 4000),
        })
        {
            if (value.Length > max)
            {
                errors.Add(new(field, new LocalText("This answer must be {0:N0} characters or fewer.", max)));
            }
        }

        errors.AddRange(OrganisationOfficer.Check(profile.Officers));
        return errors;
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
