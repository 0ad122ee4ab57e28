using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Places;
using TrustFund.Domain.Reports;

namespace TrustFund.Application.Reports;

/// <summary>
/// The portfolio report, for fund managers and finance officers: the grants whose project runs within
/// the period (from <see cref="From"/> to <see cref="To"/>, either open), of one call or all; their
/// approved amounts and the payments dated within the period, by call, region, country and type of
/// assistance; the victims assisted, from the grantees' accepted reports whose period ends within it,
/// with small counts suppressed; and the list of active grants. Read as projections in four
/// statements, however many grants there are.
/// </summary>
public sealed record ShowPortfolio(DateOnly? From = null, DateOnly? To = null, Guid? CallId = null) : IUseCase<PortfolioReport>;

/// <summary>What the portfolio report prints.</summary>
/// <param name="Call">The call the report is limited to; null for every call.</param>
/// <param name="ByRegion">A grant in several regions (or countries, or giving several types of assistance) counts under each: those rows add up to more than the totals.</param>
public sealed record PortfolioReport(
    DateOnly? From,
    DateOnly? To,
    PortfolioCall? Call,
    PortfolioRow Totals,
    IReadOnlyList<PortfolioRow> ByCall,
    IReadOnlyList<PortfolioRow> ByRegion,
    IReadOnlyList<PortfolioRow> ByCountry,
    IReadOnlyList<PortfolioAssistanceRow> ByAssistanceType,
    PortfolioVictims Victims,
    IReadOnlyList<PortfolioGrant> ActiveGrants)
{
    /// <summary>Whether any grant falls within the report.</summary>
    public bool HasData => Totals.Grants > 0;
}

/// <summary>A call the report can be limited to.</summary>
public sealed record PortfolioCall(Guid Id, string Code, string Title);

/// <summary>Grants, the sum of their approved amounts and the payments (net of refunds and corrections) made on them.</summary>
public sealed record PortfolioRow(string Label, int Grants, decimal Approved, decimal Paid);

/// <summary>A row by type of assistance.</summary>
public sealed record PortfolioAssistanceRow(AssistanceType Type, int Grants, decimal Approved, decimal Paid);

/// <summary>
/// Persons assisted by call (rows) and sex (columns), summed over the accepted reports (each counts
/// the persons it assisted in its period), protected by <see cref="SmallCells"/>.
/// </summary>
public sealed record PortfolioVictims(IReadOnlyList<string> Calls, IReadOnlyList<Sex> Sexes, ProtectedTable Table, int Reports);

/// <summary>An active grant.</summary>
public sealed record PortfolioGrant(Guid Id, string Number, string OrganisationName, string CallCode, decimal Amount, decimal Paid, DateOnly StartDate, DateOnly EndDate);

internal sealed class ShowPortfolioValidator : AbstractValidator<ShowPortfolio>
{
    public ShowPortfolioValidator()
    {
        RuleFor(x => x.To).Must((request, to) => request.From is not { } from || to is not { } end || from <= end)
            .WithMessage("The start of the period must be on or before its end.")
            .OverridePropertyName(nameof(ShowPortfolio.From));
    }
}

internal sealed class ShowPortfolioHandler : IUseCaseHandler<ShowPortfolio, PortfolioReport>
{
    private readonly ITrustFundDb _db;

    public ShowPortfolioHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<PortfolioReport> HandleAsync(ShowPortfolio request, CancellationToken cancellationToken)
    {
        PortfolioCall? call = null;
        if (request.CallId is { } callId)
        {
            call = await _db.Calls.AsNoTracking().Where(c => c.Id == callId)
                .Select(c => new PortfolioCall(c.Id, c.Code, c.Title))
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        }

        var scope = _db.Grants.AsNoTracking();
        if (request.CallId is { } only)
        {
            scope = scope.Where(g => g.CallId == only);
        }

        if (request.From is { } from)
        {
            scope = scope.Where(g => g.EndDate >= from);
        }

        if (request.To is { } to)
        {
            scope = scope.Where(g => g.StartDate <= to);
        }

        var grants = await (from g in scope
                            join a in _db.Applications on g.ApplicationId equals a.Id
                            join o in _db.Organisations on g.OrganisationId equals o.Id
                            join c in _db.Calls on g.CallId equals c.Id
                            select new GrantRow(g.Id, g.Number, g.Status, g.Amount, g.StartDate, g.EndDate, c.Code, o.LegalName, a.CountryIndex, a.AssistanceIndex))
            .ToListAsync(cancellationToken);

        var entries = scope.SelectMany(g => g.Ledger);
        if (request.From is { } paidFrom)
        {
            entries = entries.Where(e => e.ValueDate >= paidFrom);
        }

        if (request.To is { } paidTo)
        {
            entries = entries.Where(e => e.ValueDate <= paidTo);
        }

        var paid = (await entries.Select(e => new { e.GrantId, e.SignedAmount }).ToListAsync(cancellationToken))
            .GroupBy(e => e.GrantId)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.SignedAmount));

        var reports = _db.GranteeReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Accepted && scope.Any(g => g.Id == r.GrantId));
        if (request.From is { } reportedFrom)
        {
            reports = reports.Where(r => r.PeriodEnd >= reportedFrom);
        }

        if (request.To is { } reportedTo)
        {
            reports = reports.Where(r => r.PeriodEnd <= reportedTo);
        }

        var accepted = await reports
            .Select(r => new { r.GrantId, Content = r.Submissions.OrderByDescending(s => s.Number).Select(s => s.Content).FirstOrDefault() })
            .ToListAsync(cancellationToken);

        decimal PaidOn(Guid grantId) => paid.GetValueOrDefault(grantId);
        PortfolioRow Row(string label, IEnumerable<GrantRow> rows)
        {
            var list = rows.ToList();
            return new PortfolioRow(label, list.Count, list.Sum(g => g.Amount.Amount), list.Sum(g => PaidOn(g.Id)));
        }

        var countries = grants.ToDictionary(g => g.Id, g => Split(g.CountryIndex).Select(c => c.ToUpperInvariant()).Distinct().ToList());
        var byCountry = grants
            .SelectMany(g => countries[g.Id].Select(country => (Country: country, Grant: g)))
            .GroupBy(x => Countries.NameOf(x.Country))
            .Select(x => Row(x.Key, x.Select(y => y.Grant)))
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var byRegion = grants
            .SelectMany(g => countries[g.Id].Select(RegionOf).Distinct().Select(region => (Region: region, Grant: g)))
            .GroupBy(x => x.Region)
            .Select(x => Row(x.Key, x.Select(y => y.Grant)))
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .ToList();
        var byAssistance = grants
            .SelectMany(g => Split(g.AssistanceIndex).Select(t => Enum.TryParse<AssistanceType>(t, out var type) ? type : (AssistanceType?)null).OfType<AssistanceType>().Distinct().Select(type => (Type: type, Grant: g)))
            .GroupBy(x => x.Type)
            .OrderBy(x => x.Key)
            .Select(x =>
            {
                var row = Row(string.Empty, x.Select(y => y.Grant));
                return new PortfolioAssistanceRow(x.Key, row.Grants, row.Approved, row.Paid);
            })
            .ToList();
        var byCall = grants.GroupBy(g => g.CallCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g)).ToList();

        var callOf = grants.ToDictionary(g => g.Id, g => g.CallCode);
        var victimCalls = accepted.Select(r => callOf[r.GrantId]).Distinct().Order(StringComparer.Ordinal).ToList();
        var sexes = Enum.GetValues<Sex>();
        var counts = new int[victimCalls.Count, sexes.Length];
        foreach (var report in accepted)
        {
            var row = victimCalls.IndexOf(callOf[report.GrantId]);
            foreach (var cell in report.Content?.Victims.BySexAndAge ?? [])
            {
                counts[row, Array.IndexOf(sexes, cell.Sex)] += cell.Count;
            }
        }

        var active = grants
            .Where(g => g.Status == GrantStatus.Active)
            .OrderBy(g => g.Number, StringComparer.Ordinal)
            .Select(g => new PortfolioGrant(g.Id, g.Number, g.OrganisationName, g.CallCode, g.Amount.Amount, PaidOn(g.Id), g.StartDate, g.EndDate))
            .ToList();

        return new PortfolioReport(
            request.From,
            request.To,
            call,
            Row(string.Empty, grants),
            byCall,
            byRegion,
            byCountry,
            byAssistance,
            new PortfolioVictims(victimCalls, sexes, SmallCells.Protect(counts), accepted.Count),
            active);
    }

    /// <summary>The values of an index column such as <c>|AFG|NGA|</c>.</summary>
    private static string[] Split(string index) => index.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The UN M49 region of a country (Africa, Americas, Asia, Europe, Oceania); "Other" when unknown.</summary>
    private static string RegionOf(string iso3) =>
        UnM49.AreasOf(iso3).FirstOrDefault(a => a.Type == PlaceType.Region)?.Name ?? "Other";

    private sealed record GrantRow(Guid Id, string Number, GrantStatus Status, Domain.Common.Money Amount, DateOnly StartDate, DateOnly EndDate, string CallCode, string OrganisationName, string CountryIndex, string AssistanceIndex);
}
