using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Applications;

/// <summary>"My applications": the applicant's organisation's applications, most recently edited first, and the calls open now.</summary>
public sealed record ListOwnApplications : IUseCase<OwnApplications>;

/// <summary>The applicant's home: their organisation's applications, the open calls, and whether the organisation may submit.</summary>
public sealed record OwnApplications(IReadOnlyList<OwnApplicationRow> Applications, IReadOnlyList<OpenCallForApplicant> OpenCalls, bool OrganisationVerified);

/// <summary>One of the organisation's applications, with its call's closing time and time zone.</summary>
public sealed record OwnApplicationRow(Guid Id, string Title, string CallCode, string CallTitle, string? Reference, ApplicationStatus Status, DateTime LastEditedAtUtc, DateTime ClosesAtUtc, string TimeZoneId);

/// <summary>An open call, with the organisation's application to it when the call accepts only one.</summary>
public sealed record OpenCallForApplicant(Guid Id, string Code, string Title, DateTime ClosesAtUtc, string TimeZoneId, Guid? ExistingApplicationId);

internal sealed class ListOwnApplicationsHandler : IUseCaseHandler<ListOwnApplications, OwnApplications>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ListOwnApplicationsHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<OwnApplications> HandleAsync(ListOwnApplications request, CancellationToken cancellationToken)
    {
        var organisationId = await Applicants.OrganisationOfAsync(_db, _actor, cancellationToken) ?? throw new NotFoundException();
        var rows = await (
            from a in _db.Applications.AsNoTracking()
            join c in _db.Calls.AsNoTracking() on a.CallId equals c.Id
            where a.OrganisationId == organisationId
            orderby a.LastEditedAtUtc descending
            select new { a.Id, a.Title, c.Code, CallTitle = c.Title, a.Reference, a.Status, a.LastEditedAtUtc, c.ClosesAtUtc, c.Terms })
            .ToListAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var openCalls = await _db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.ClosesAtUtc >= now)
            .OrderBy(c => c.ClosesAtUtc)
            .ToListAsync(cancellationToken);
        var existing = rows.Where(r => r.Status != ApplicationStatus.Withdrawn).ToList();
        var verified = await _db.Organisations.AnyAsync(o => o.Id == organisationId && o.Status == OrganisationStatus.Verified, cancellationToken);
        return new OwnApplications(
            [.. rows.Select(r => new OwnApplicationRow(r.Id, r.Title, r.Code, r.CallTitle, r.Reference, r.Status, r.LastEditedAtUtc, r.ClosesAtUtc, r.Terms.TimeZoneId))],
            [.. openCalls.Select(c => new OpenCallForApplicant(
                c.Id,
                c.Code,
                c.Title,
                c.ClosesAtUtc,
                c.Terms.TimeZoneId,
                c.Terms.AllowsSeveralApplicationsPerOrganisation ? null : existing.FirstOrDefault(r => r.Code == c.Code)?.Id))],
            verified);
    }
}
