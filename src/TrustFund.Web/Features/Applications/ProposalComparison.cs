using System.Globalization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;

using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>Lays two submitted versions side by side, field by field, in the form's order.</summary>
public static class ProposalComparison
{
    public static IReadOnlyList<ComparedField> Compare(ProposalContent from, ProposalContent to)
    {
        var left = Flatten(from);
        var right = Flatten(to);
        var labels = left.Keys.Concat(right.Keys.Where(k => !left.ContainsKey(k))).ToList();
        return labels.Select(l => new ComparedField(l, left.GetValueOrDefault(l, string.Empty), right.GetValueOrDefault(l, string.Empty))).ToList();
    }

    /// <summary>Each field as one line of text, keyed by its label.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(ProposalContent c)
    {
        var culture = CultureInfo.CurrentCulture;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Project title"] = c.Title,
            ["Language of the proposal"] = c.Language?.ToString() ?? string.Empty,
            ["Implementing countries"] = ListText.Join(c.Countries.Select(iso3 => UnM49.CountryByIso3(iso3)?.NameIn(culture.TwoLetterISOLanguageName) ?? iso3)),
            ["Locations"] = c.Locations,
            ["Start date"] = c.StartDate?.ToString("d MMMM yyyy", culture) ?? string.Empty,
            ["Duration in months"] = c.DurationMonths?.ToString(culture) ?? string.Empty,
            ["Amount requested"] = c.AmountRequested is null ? string.Empty : FormValues.Usd(c.AmountRequested),
            ["Total project cost"] = c.TotalProjectCost is null ? string.Empty : FormValues.Usd(c.TotalProjectCost),
            ["Funding from other sources"] = c.OtherFunding is null ? string.Empty : FormValues.Usd(c.OtherFunding),
            ["Context and needs"] = c.ContextAndNeeds,
            ["Objectives, outputs, activities and indicators"] = c.ObjectivesAndActivities,
            ["Monitoring and evaluation"] = c.Monitoring,
            ["Sustainability"] = c.Sustainability,
            ["Risks and how you will reduce them"] = c.RisksAndMitigation,
        };
        foreach (var sex in Enum.GetValues<Sex>())
        {
            foreach (var band in Enum.GetValues<AgeBand>())
            {
                var count = c.Beneficiaries.FirstOrDefault(b => b.Sex == sex && b.AgeBand == band)?.Count ?? 0;
                fields[$"Persons: {Labels.Of(sex)}, {Labels.Of(band)}"] = count.ToString(culture);
            }
        }

        fields["Persons in total"] = c.BeneficiaryTotal.ToString(culture);
        fields["Forms of exploitation"] = ListText.Join(c.ExploitationForms.Select(Labels.Of));
        fields["Priority situations"] = ListText.Join(c.PrioritySituations.Select(Labels.Of));
        fields["Underserved groups"] = ListText.Join(c.UnderservedGroups.Select(Labels.Of));
        fields["Referral partners"] = c.ReferralPartners;
        fields["Safeguarding approach"] = c.SafeguardingApproach;
        foreach (var type in Enum.GetValues<AssistanceType>())
        {
            var activity = c.Assistance.FirstOrDefault(a => a.Type == type);
            fields[$"Assistance: {Labels.Of(type)}"] = activity is null ? string.Empty : $"✓ {activity.Description}";
        }

        for (var i = 0; i < c.Budget.Count; i++)
        {
            var line = c.Budget[i];
            fields[string.Create(culture, $"Budget line {i + 1}")] = string.Create(
                culture,
                $"{Labels.Of(line.Category)} – {line.Description}: {line.Quantity:0.##} {line.Unit} × {line.UnitCost:N2} = {FormValues.Usd(line.Total)}");
        }

        fields["Budget total"] = FormValues.Usd(c.BudgetTotal);
        fields["Information is accurate"] = c.DeclaresInformationAccurate ? "Yes" : "No";
        fields["No victim's identity"] = c.DeclaresNoVictimIdentities ? "Yes" : "No";
        fields["Safeguarding and PSEA measures"] = c.DeclaresSafeguardingMeasures ? "Yes" : "No";
        return fields;
    }
}
