using System.Globalization;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Screenings;

/// <summary>
/// Pre-evaluates the eligibility gates from the application, its call and its organisation, with
/// the evidence a person needs to confirm each one, against the terms in force when the version was
/// submitted and the documents it was submitted with. Suggestions only: a person decides.
/// </summary>
public sealed class GateEvaluator
{
    private readonly IStringLocalizer _text;

    public GateEvaluator(IStringLocalizer text)
    {
        _text = text;
    }

    public IReadOnlyList<GateEvaluation> Evaluate(GrantApplication application, CallTerms terms, Organisation organisation, IReadOnlyDictionary<DocumentType, int> documents)
    {
        var content = application.Content;
        var profile = organisation.Profile;
        var firstSubmission = application.Versions.OrderBy(v => v.Number).FirstOrDefault()?.SubmittedAtUtc ?? application.SubmittedAtUtc ?? application.LastEditedAtUtc;
        var submittedOn = DateOnly.FromDateTime(firstSubmission);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(terms.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        string InZone(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + terms.TimeZoneId;
        string Usd(decimal amount) => "USD " + amount.ToString("N2", CultureInfo.CurrentCulture);
        static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = new List<GateEvaluation>
        {
            new(EligibilityGate.OnTime, firstSubmission <= terms.ClosesAtUtc, _text["Submitted {0}; deadline {1}.", InZone(firstSubmission), InZone(terms.ClosesAtUtc)]),
            content.AmountRequested is { } amount
                ? new(EligibilityGate.AmountWithinLimits, amount >= terms.MinimumAmount && amount <= terms.MaximumAmount && amount > 0, _text["Requests {0}; the call allows {1} to {2}.", Usd(amount), Usd(terms.MinimumAmount), Usd(terms.MaximumAmount)])
                : new(EligibilityGate.AmountWithinLimits, false, _text["No amount requested; the call allows {0} to {1}.", Usd(terms.MinimumAmount), Usd(terms.MaximumAmount)]),
            content.DurationMonths is { } months
                ? new(EligibilityGate.DurationWithinLimits, months >= 1 && months <= terms.MaximumDurationMonths, _text["{0} months; the call allows at most {1}.", months, terms.MaximumDurationMonths])
                : new(EligibilityGate.DurationWithinLimits, false, _text["No duration given; the call allows at most {0} months.", terms.MaximumDurationMonths]),
            Cutoff(),
            Experience(),
            Documents(),
            string.IsNullOrWhiteSpace(profile.UnppPartnerId)
                ? new(EligibilityGate.UnppPartnerId, false, _text["No UNPP Partner ID in the organisation's profile."])
                : new(EligibilityGate.UnppPartnerId, true, _text["UNPP Partner ID: {0}.", profile.UnppPartnerId]),
            new(EligibilityGate.OrganisationVerified, organisation.Status == OrganisationStatus.Verified, organisation.StatusChangedAtUtc is { } changed
                ? _text["Organisation status: {0} since {1}.", _text[EnumText.Words(organisation.Status)], changed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]
                : _text["Organisation status: {0}.", _text[EnumText.Words(organisation.Status)]]),
            content.Language is { } language
                ? new(EligibilityGate.AllowedLanguage, terms.AcceptedLanguages.Contains(language), _text["Written in {0}; the call accepts {1}.", _text[EnumText.Words(language)], ListText.Join(terms.AcceptedLanguages.Select(l => _text[EnumText.Words(l)].Value))])
                : new(EligibilityGate.AllowedLanguage, false, _text["No language given; the call accepts {0}.", ListText.Join(terms.AcceptedLanguages.Select(l => _text[EnumText.Words(l)].Value))]),
            new(EligibilityGate.NonProfit, null, profile.Type is { } type
                ? _text["Type declared in the profile: {0}. Check the registration certificate.", _text[EnumText.Words(type)]]
                : _text["No type of organisation in the profile. Check the registration certificate."]),
            RegisteredInImplementingCountry(),
            BankInOwnName(),
            new(EligibilityGate.NotIntermediary, null, profile.AttestsNotIntermediary
                ? _text["The organisation attests that it is not an intermediary."]
                : _text["The organisation has not attested that it is not an intermediary."]),
            DirectAssistance(),
        };
        return result;

        GateEvaluation Cutoff()
        {
            if (terms.RegistrationCutoff is not { } cutoff)
            {
                return new(EligibilityGate.RegisteredBeforeCutoff, true, _text["The call sets no registration cut-off date."]);
            }

            return profile.RegistrationDate is { } registered
                ? new(EligibilityGate.RegisteredBeforeCutoff, registered < cutoff, _text["Registered {0}, cut-off {1}.", Iso(registered), Iso(cutoff)])
                : new(EligibilityGate.RegisteredBeforeCutoff, null, _text["No registration date in the profile; cut-off {0}.", Iso(cutoff)]);
        }

        GateEvaluation Experience()
        {
            var years = profile.YearsOfExperience(submittedOn);
            if (years is not { } y)
            {
                return new(EligibilityGate.Experience, terms.MinimumYearsOfExperience == 0 ? true : null, terms.MinimumYearsOfExperience == 1 ? _text["No registration date or year founded in the profile; the call asks for at least 1 year."] : _text["No registration date or year founded in the profile; the call asks for at least {0} years.", terms.MinimumYearsOfExperience]);
            }

            var since = profile.RegistrationDate is { } registered ? Iso(registered) : profile.YearFounded!.Value.ToString(CultureInfo.InvariantCulture);
            return new(EligibilityGate.Experience, y >= terms.MinimumYearsOfExperience, _text["{0} years since {1} at submission; the call asks for at least {2}.", y, since, terms.MinimumYearsOfExperience]);
        }

        GateEvaluation Documents()
        {
            var required = terms.RequiredDocuments.Distinct().ToList();
            if (required.Count == 0)
            {
                return new(EligibilityGate.DocumentsComplete, true, _text["The call requires no documents."]);
            }

            var parts = new List<string>();
            var complete = true;
            foreach (var document in required)
            {
                var needed = document == DocumentType.ReferenceLetter ? 2 : 1;
                var attached = documents.GetValueOrDefault(document);
                complete &= attached >= needed;
                parts.Add(_text["{0}: {1} of {2}", _text[EnumText.Words(document)], attached, needed]);
            }

            return new(EligibilityGate.DocumentsComplete, complete, ListText.JoinGroups(parts) + ".");
        }

        GateEvaluation RegisteredInImplementingCountry()
        {
            var countries = content.Countries.Select(PlaceNames.Country).ToList();
            var evidence = _text["Registered in {0}; implementing in {1}.", PlaceNames.Country(organisation.CountryOfRegistration), countries.Count == 0 ? "–" : ListText.Join(countries)];
            var onlyHome = content.Countries.Count > 0 && content.Countries.All(c => string.Equals(c, organisation.CountryOfRegistration, StringComparison.OrdinalIgnoreCase));
            return new(EligibilityGate.RegisteredInImplementingCountry, onlyHome ? true : null, evidence);
        }

        GateEvaluation BankInOwnName()
        {
            if (organisation.Bank is not { } bank)
            {
                return new(EligibilityGate.BankAccountInOwnName, false, _text["The organisation has not given bank details."]);
            }

            var same = string.Equals(Normalise(bank.AccountHolder), Normalise(organisation.LegalName), StringComparison.OrdinalIgnoreCase);
            return new(EligibilityGate.BankAccountInOwnName, same ? true : null, _text["Account holder: {0}; legal name: {1}.", bank.AccountHolder, organisation.LegalName]);
        }

        GateEvaluation DirectAssistance()
        {
            var total = content.BudgetTotal;
            var direct = content.Budget.Where(l => l.Category == Domain.Applications.BudgetCategory.DirectAssistanceToVictims).Sum(l => l.Total);
            var share = total > 0 ? (direct / total).ToString("P0", CultureInfo.CurrentCulture) : "–";
            var types = content.Assistance.Count == 0 ? "–" : ListText.Join(content.Assistance.Select(a => _text[EnumText.Words(a.Type)].Value));
            return new(EligibilityGate.DirectAssistanceToVictims, null, _text["Assistance offered: {0}. Direct assistance to victims is {1} of the budget.", types, share]);
        }
    }

    private static string Normalise(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
