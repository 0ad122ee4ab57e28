using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A grant's page: the agreement (number, parties, amount, dates, approved budget, both signatures),
/// its status, and its timeline (instalments and payments, reports, amendments). The grantee's members,
/// fund managers and finance officers may read it; anyone else is told it does not exist.
/// </summary>
public sealed record ShowGrant(Guid GrantId) : IUseCase<GrantPage>;

/// <summary>One report of the grant's schedule, as the timeline shows it.</summary>
public sealed record GrantReportLine(Guid Id, ReportKind Kind, int Sequence, DateOnly PeriodEnd, DateOnly DueOn, ReportStatus Status, int DaysOverdue);

/// <summary>Who and what a grant is about, beyond the grant itself.</summary>
public sealed record GrantParties(string OrganisationName, string CallCode, string CallTitle, string ApplicationLabel, string ProjectTitle);

/// <summary>A grant's page.</summary>
/// <param name="Conditions">The conditions the Board attached to the approval, if any.</param>
/// <param name="CanManage">Whether the reader is a fund manager (records signatures, suspends, resumes, closes).</param>
/// <param name="CanRequestAmendment">Whether the reader may ask for an amendment.</param>
public sealed record GrantPage(
    Grant Grant,
    GrantParties Parties,
    string? Conditions,
    IReadOnlyList<GrantReportLine> Reports,
    bool CanManage,
    bool CanRequestAmendment,
    DateOnly Today)
{
    /// <summary>The approved budget's total differs from the grant's amount: a budget revision must bring it to the amount.</summary>
    public bool BudgetNeedsRevision => Grant.BudgetTotal != Grant.Amount.Amount;

    public int OverdueReports => Reports.Count(r => r.DaysOverdue > 0);
}

internal sealed class ShowGrantHandler : IUseCaseHandler<ShowGrant, GrantPage>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public ShowGrantHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<GrantPage> HandleAsync(ShowGrant request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.ReadableAsync(_db, _access, request.GrantId, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var parties = await GrantReading.PartiesAsync(_db, grant, cancellationToken);
        var reports = await GrantReading.ReportsAsync(_db, grant.Id, today, cancellationToken);
        var conditions = await GrantReading.BoardConditionsAsync(_db, grant, cancellationToken);
        return new GrantPage(
            grant,
            parties,
            conditions,
            reports,
            await _access.AllowsAsync(GrantAccess.Of(grant), GrantOperations.Manage),
            await _access.AllowsAsync(GrantAccess.Of(grant), GrantOperations.RequestAmendment),
            today);
    }
}

/// <summary>Reads shared by the grant's pages.</summary>
internal static class GrantReading
{
    /// <summary>The grant, tracked, after checking the reader may do <paramref name="operation"/> on it.</summary>
    public static async Task<Grant> LoadAsync(ITrustFundDb db, RecordAccess access, Guid grantId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken) ?? throw new NotFoundException();
        await access.EnsureAsync(GrantAccess.Of(grant), operation);
        return grant;
    }

    /// <summary>The grant, untracked, after checking the reader may read it.</summary>
    public static async Task<Grant> ReadableAsync(ITrustFundDb db, RecordAccess access, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken) ?? throw new NotFoundException();
        await access.EnsureAsync(GrantAccess.Of(grant), GrantOperations.Read);
        return grant;
    }

    /// <summary>The organisation's legal name, the call and the application, in one statement (scalar subqueries: SQLite has no APPLY).</summary>
    public static async Task<GrantParties> PartiesAsync(ITrustFundDb db, Grant grant, CancellationToken cancellationToken)
    {
        var parties = await db.Applications.AsNoTracking()
            .Where(a => a.Id == grant.ApplicationId)
            .Select(a => new
            {
                Organisation = db.Organisations.Where(o => o.Id == grant.OrganisationId).Select(o => o.LegalName).FirstOrDefault(),
                CallCode = db.Calls.Where(c => c.Id == grant.CallId).Select(c => c.Code).FirstOrDefault(),
                CallTitle = db.Calls.Where(c => c.Id == grant.CallId).Select(c => c.Title).FirstOrDefault(),
                a.Reference,
                a.Title,
            })
            .SingleAsync(cancellationToken);
        return new GrantParties(parties.Organisation ?? string.Empty, parties.CallCode ?? string.Empty, parties.CallTitle ?? string.Empty, parties.Reference ?? parties.Title, parties.Title);
    }

    /// <summary>The conditions the Board attached to approving the grant's application, if any.</summary>
    public static Task<string?> BoardConditionsAsync(ITrustFundDb db, Grant grant, CancellationToken cancellationToken) =>
        db.BoardSessions.AsNoTracking()
            .Where(s => s.CallId == grant.CallId)
            .SelectMany(s => s.Decisions)
            .Where(d => d.ApplicationId == grant.ApplicationId && d.Outcome == Domain.Decisions.DecisionOutcome.Approved)
            .Select(d => d.Conditions)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The grant's reports in due order, with how late each is on <paramref name="today"/>.</summary>
    public static async Task<IReadOnlyList<GrantReportLine>> ReportsAsync(ITrustFundDb db, Guid grantId, DateOnly today, CancellationToken cancellationToken)
    {
        var reports = await db.GranteeReports.AsNoTracking()
            .Where(r => r.GrantId == grantId)
            .Select(r => new { r.Id, r.Kind, r.Sequence, r.PeriodEnd, r.DueOn, r.Status, r.ResubmitBy })
            .ToListAsync(cancellationToken);
        return [.. reports
            .OrderBy(r => r.DueOn)
            .ThenBy(r => r.Kind)
            .Select(r => new GrantReportLine(r.Id, r.Kind, r.Sequence, r.PeriodEnd, r.DueOn, r.Status, DaysOverdue(r.Status, r.DueOn, r.ResubmitBy, today)))];
    }

    /// <summary>As <see cref="GranteeReport.DaysOverdueOn"/>, from the columns.</summary>
    public static int DaysOverdue(ReportStatus status, DateOnly dueOn, DateOnly? resubmitBy, DateOnly today)
    {
        DateOnly? deadline = status switch
        {
            ReportStatus.Due => dueOn,
            ReportStatus.RevisionRequested => resubmitBy,
            ReportStatus.Submitted or ReportStatus.Accepted => null,
        };
        return deadline is { } day && today > day ? today.DayNumber - day.DayNumber : 0;
    }
}
