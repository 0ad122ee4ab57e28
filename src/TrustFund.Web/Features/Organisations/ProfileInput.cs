using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Organisations;

/// <summary>The organisation profile form: every field of the profile, the legal name and the country of registration.</summary>
public sealed class ProfileInput : IVersionedInput
{
    public Guid Version { get; set; }

    [Display(Name = "Legal name")]
    public string? LegalName { get; set; }

    [Display(Name = "Acronym")]
    public string? Acronym { get; set; }

    [Display(Name = "Type of organisation")]
    public string? Type { get; set; }

    [Display(Name = "Country of registration")]
    public string? CountryOfRegistration { get; set; }

    [Display(Name = "Year founded")]
    public string? YearFounded { get; set; }

    [Display(Name = "Registration number")]
    public string? RegistrationNumber { get; set; }

    [Display(Name = "Registration date")]
    public string? RegistrationDate { get; set; }

    [Display(Name = "Countries of operation")]
    public List<string> CountriesOfOperation { get; set; } = [];

    [Display(Name = "Address")]
    public string? Address { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Website")]
    public string? Website { get; set; }

    [Display(Name = "Contact email address")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Legal representative")]
    public string? LegalRepresentative { get; set; }

    [Display(Name = "UN Partner Portal (UNPP) Partner ID")]
    public string? UnppPartnerId { get; set; }

    [Display(Name = "Annual budget last year (USD)")]
    public string? AnnualBudget1 { get; set; }

    [Display(Name = "Annual budget two years ago (USD)")]
    public string? AnnualBudget2 { get; set; }

    [Display(Name = "Annual budget three years ago (USD)")]
    public string? AnnualBudget3 { get; set; }

    [Display(Name = "Main donors")]
    public string? MainDonors { get; set; }

    [Display(Name = "Previous grants")]
    public string? PreviousGrants { get; set; }

    /// <summary>Board members and senior officers, one row each; blank rows are ignored.</summary>
    public List<OfficerRow> Officers { get; set; } = [];

    public bool AttestsPseaPolicy { get; set; }

    public bool AttestsSafeguardingPolicy { get; set; }

    public bool AttestsDataProtectionPolicy { get; set; }

    public bool AttestsNotIntermediary { get; set; }

    public static ProfileInput From(Organisation organisation)
    {
        var p = organisation.Profile;
        return new ProfileInput
        {
            Version = organisation.Version,
            LegalName = organisation.LegalName,
            CountryOfRegistration = organisation.CountryOfRegistration,
            Acronym = p.Acronym,
            Type = p.Type?.ToString(),
            YearFounded = p.YearFounded?.ToString(CultureInfo.InvariantCulture),
            RegistrationNumber = p.RegistrationNumber,
            RegistrationDate = p.RegistrationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CountriesOfOperation = [.. p.CountriesOfOperation],
            Address = p.Address,
            Phone = p.Phone,
            Website = p.Website,
            ContactEmail = p.ContactEmail,
            LegalRepresentative = p.LegalRepresentative,
            UnppPartnerId = p.UnppPartnerId,
            AnnualBudget1 = NumberText.ForInput(p.AnnualBudgets.ElementAtOrDefault(0)),
            AnnualBudget2 = NumberText.ForInput(p.AnnualBudgets.ElementAtOrDefault(1)),
            AnnualBudget3 = NumberText.ForInput(p.AnnualBudgets.ElementAtOrDefault(2)),
            MainDonors = p.MainDonors,
            PreviousGrants = p.PreviousGrants,
            AttestsPseaPolicy = p.AttestsPseaPolicy,
            AttestsSafeguardingPolicy = p.AttestsSafeguardingPolicy,
            AttestsDataProtectionPolicy = p.AttestsDataProtectionPolicy,
            AttestsNotIntermediary = p.AttestsNotIntermediary,
            Officers = [.. p.Officers.Select(o => new OfficerRow { Name = o.Name, Position = o.Position, Email = o.Email })],
        };
    }

    /// <summary>The profile the form describes; call only once the validator passed.</summary>
    public OrganisationProfile ToProfile()
    {
        var budgets = new[] { AnnualBudget1, AnnualBudget2, AnnualBudget3 }
            .Select(b => NumberText.TryReadOptionalAmount(b, out var amount) ? amount : null)
            .ToList();
        while (budgets.Count > 0 && budgets[^1] is null)
        {
            budgets.RemoveAt(budgets.Count - 1);
        }

        return new OrganisationProfile
        {
            Acronym = Text(Acronym),
            Type = Enum.TryParse<OrganisationType>(Type, out var type) && Enum.IsDefined(type) ? type : null,
            YearFounded = int.TryParse(YearFounded, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null,
            RegistrationNumber = Text(RegistrationNumber),
            RegistrationDate = ParseDate(RegistrationDate),
            CountriesOfOperation = CountriesOfOperation.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList(),
            Address = Text(Address),
            Phone = Text(Phone),
            Website = Text(Website),
            ContactEmail = Text(ContactEmail),
            LegalRepresentative = Text(LegalRepresentative),
            UnppPartnerId = Text(UnppPartnerId),
            AnnualBudgets = budgets,
            MainDonors = Text(MainDonors),
            PreviousGrants = Text(PreviousGrants),
            AttestsPseaPolicy = AttestsPseaPolicy,
            AttestsSafeguardingPolicy = AttestsSafeguardingPolicy,
            AttestsDataProtectionPolicy = AttestsDataProtectionPolicy,
            AttestsNotIntermediary = AttestsNotIntermediary,
            Officers = [.. FilledOfficerRows().Select(i => new OrganisationOfficer(Text(Officers[i].Name), Text(Officers[i].Position), Text(Officers[i].Email)))],
        };
    }

    /// <summary>
    /// The form field a domain rule about <paramref name="profileField"/> points at. Blank officer rows are
    /// left out of the profile, so officer k of the profile is the k-th filled row of the form.
    /// </summary>
    public string FieldFor(string profileField)
    {
        if (profileField == nameof(OrganisationProfile.AnnualBudgets))
        {
            return nameof(AnnualBudget1);
        }

        var prefix = nameof(Officers) + "[";
        var close = profileField.IndexOf(']', StringComparison.Ordinal);
        var filled = FilledOfficerRows().ToList();
        if (profileField.StartsWith(prefix, StringComparison.Ordinal) && close > prefix.Length
            && int.TryParse(profileField[prefix.Length..close], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k < filled.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{prefix}{filled[k]}{profileField[close..]}");
        }

        return profileField;
    }

    /// <summary>The officer rows to show: the ones given, then blank ones so that three are free for new officers.</summary>
    public IReadOnlyList<OfficerRow> OfficerRowsToShow()
    {
        var rows = Officers.Select(r => r ?? new OfficerRow()).ToList();
        var trailingBlank = rows.AsEnumerable().Reverse().TakeWhile(r => r.IsBlank).Count();
        rows.AddRange(Enumerable.Range(0, Math.Max(0, BlankOfficerRows - trailingBlank)).Select(_ => new OfficerRow()));
        return rows;
    }

    /// <summary>How many blank officer rows the form offers after the filled ones.</summary>
    public const int BlankOfficerRows = 3;

    private IEnumerable<int> FilledOfficerRows() => Enumerable.Range(0, Officers.Count).Where(i => Officers[i] is { IsBlank: false });

    private static string Text(string? value) => (value ?? string.Empty).Trim();

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact((value ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>One row of the board members and senior officers.</summary>
    public sealed class OfficerRow
    {
        public string? Name { get; set; }

        public string? Position { get; set; }

        public string? Email { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Position) && string.IsNullOrWhiteSpace(Email);
    }

    public sealed class Validator : AbstractValidator<ProfileInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.LegalName).NotEmpty().WithMessage(_ => text["Enter the organisation's legal name."])
                .MaximumLength(Organisation.LegalNameMaxLength).WithMessage(_ => text["The legal name must be {0} characters or fewer.", Organisation.LegalNameMaxLength]);
            RuleFor(x => x.CountryOfRegistration).Must(UnM49.IsCountry).WithMessage(_ => text["Choose the country of registration."]);
            RuleFor(x => x.Type).Must(t => string.IsNullOrEmpty(t) || (Enum.TryParse<OrganisationType>(t, out var v) && Enum.IsDefined(v)))
                .WithMessage(_ => text["Choose a type of organisation from the list."]);
            RuleFor(x => x.YearFounded).Must(y => string.IsNullOrWhiteSpace(y) || (int.TryParse(y.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1800 and <= 2100))
                .WithMessage(_ => text["Enter the year founded as four digits, such as 2008."]);
            RuleFor(x => x.RegistrationDate).Must(d => string.IsNullOrWhiteSpace(d) || ParseDate(d) is not null)
                .WithMessage(_ => text["Enter the registration date as a real date, such as 2015-03-01."]);
            RuleForEach(x => x.CountriesOfOperation).Must(c => string.IsNullOrWhiteSpace(c) || UnM49.IsCountry(c.Trim()))
                .WithName(nameof(CountriesOfOperation)).OverridePropertyName(nameof(CountriesOfOperation))
                .WithMessage(_ => text["Choose countries of operation from the list."]);
            RuleFor(x => x.ContactEmail).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail))
                .WithMessage(_ => text["Enter an email address in the correct format, like name@example.org."]);
            foreach (var (field, getter) in new (string, Func<ProfileInput, string?>)[]
            {
                (nameof(AnnualBudget1), x => x.AnnualBudget1), (nameof(AnnualBudget2), x => x.AnnualBudget2), (nameof(AnnualBudget3), x => x.AnnualBudget3),
            })
            {
                RuleFor(x => getter(x)).Must(b => NumberText.TryReadOptionalAmount(b, out _)).OverridePropertyName(field)
                    .WithMessage(_ => text["Enter the budget in US dollars, zero or more, with at most two decimals, such as 125000.50."]);
            }
        }
    }
}
