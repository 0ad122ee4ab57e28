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

/// <summary>One report of the grant's schedule as stored.</summary>
internal sealed record GrantReportRow(Guid Id, ReportKind Kind, int Sequence, DateOnly PeriodEnd, DateOnly DueOn, ReportStatus Status, DateOnly? ResubmitBy);

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
    /// <summary>What the page is read from: the grant (with its instalments, ledger and amendments), its parties, its reports and the Board's decision.</summary>
    internal static readonly Type[] ReadFrom = [typeof(Grant), typeof(Domain.Organisations.Organisation), typeof(Domain.Calls.Call), typeof(Domain.Applications.GrantApplication), typeof(GranteeReport), typeof(Domain.Decisions.BoardSession)];

    private readonly IKeptReads _kept;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public ShowGrantHandler(IKeptReads kept, RecordAccess access, TimeProvider clock)
    {
        _kept = kept;
        _access = access;
        _clock = clock;
    }

    public async Task<GrantPage> HandleAsync(ShowGrant request, CancellationToken cancellationToken)
    {
        var read = await _kept.GetAsync($"grant-page:{request.GrantId:N}", ReadFrom, (db, token) => ReadAsync(db, request.GrantId, token), cancellationToken);
        var grant = read.Grant ?? throw new NotFoundException();
        await _access.EnsureAsync(GrantAccess.Of(grant), GrantOperations.Read);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        return new GrantPage(
            grant,
            read.Parties!,
            read.Conditions,
            GrantReading.Lines(read.Reports, today),
            await _access.AllowsAsync(GrantAccess.Of(grant), GrantOperations.Manage),
            await _access.AllowsAsync(GrantAccess.Of(grant), GrantOperations.RequestAmendment),
            today);
    }

    /// <summary>The page's rows, the same for every reader (access is checked on them afterwards).</summary>
    private static async Task<GrantPageReading> ReadAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        if (grant is null)
        {
            return new GrantPageReading(null, null, null, []);
        }

        return new GrantPageReading(
            grant,
            await GrantReading.PartiesAsync(db, grant, cancellationToken),
            await GrantReading.BoardConditionsAsync(db, grant, cancellationToken),
            await GrantReading.ReportRowsAsync(db, grant.Id, cancellationToken));
    }

    /// <summary>The grant page's rows as read, before access checks and today's lateness.</summary>
    private sealed record GrantPageReading(Grant? Grant, GrantParties? Parties, string? Conditions, IReadOnlyList<GrantReportRow> Reports);
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

    /// <summary>The grant's reports as stored, in due order.</summary>
    public static async Task<IReadOnlyList<GrantReportRow>> ReportRowsAsync(ITrustFundDb db, Guid grantId, CancellationToken cancellationToken)
    {
        var reports = await db.GranteeReports.AsNoTracking()
            .Where(r => r.GrantId == grantId)
            .Select(r => new GrantReportRow(r.Id, r.Kind, r.Sequence, r.PeriodEnd, r.DueOn, r.Status, r.ResubmitBy))
            .ToListAsync(cancellationToken);
        return [.. reports.OrderBy(r => r.DueOn).ThenBy(r => r.Kind)];
    }

    /// <summary>The reports as the timeline shows them, with how late each is on <paramref name="today"/>.</summary>
    public static IReadOnlyList<GrantReportLine> Lines(IReadOnlyList<GrantReportRow> reports, DateOnly today) =>
        [.. reports.Select(r => new GrantReportLine(r.Id, r.Kind, r.Sequence, r.PeriodEnd, r.DueOn, r.Status, DaysOverdue(r.Status, r.DueOn, r.ResubmitBy, today)))];

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
