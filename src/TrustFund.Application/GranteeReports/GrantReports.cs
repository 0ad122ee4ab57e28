using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.GranteeReports;

/// <summary>The grant a page of reports is about, as the pages name it.</summary>
/// <param name="TimeZoneId">The call's time zone: due days are days there.</param>
public sealed record GrantHeader(Guid Id, string Number, Guid OrganisationId, string OrganisationName, string ProjectTitle, GrantStatus Status, string? TimeZoneId);

/// <summary>Loads a grant's reports for a use case, after checking that the actor may do the operation on that grant.</summary>
internal static class GrantReports
{
    /// <summary>The grant's header; <see cref="NotFoundException"/> when it does not exist or the actor may not do <paramref name="operation"/> on it.</summary>
    public static async Task<GrantHeader> GrantAsync(ITrustFundDb db, RecordAccess access, Guid grantId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var grant = await db.Grants.AsNoTracking()
            .Where(g => g.Id == grantId)
            .Select(g => new { g.Id, g.Number, g.OrganisationId, g.ApplicationId, g.CallId, g.Status })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        await access.EnsureAsync(new ReportAccess(grant.OrganisationId), operation);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == grant.OrganisationId).Select(o => o.LegalName).SingleOrDefaultAsync(cancellationToken);
        var title = await db.Applications.AsNoTracking().Where(a => a.Id == grant.ApplicationId).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken);
        var zone = await db.Calls.AsNoTracking().Where(c => c.Id == grant.CallId).Select(c => c.Terms.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return new GrantHeader(grant.Id, grant.Number, grant.OrganisationId, organisation ?? string.Empty, title ?? string.Empty, grant.Status, zone);
    }

    /// <summary>One report of the grant (tracked when it is to be changed), after the same check.</summary>
    public static async Task<(GrantHeader Grant, GranteeReport Report)> ReportAsync(ITrustFundDb db, RecordAccess access, Guid grantId, Guid reportId, OperationAuthorizationRequirement operation, bool track, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(db, access, grantId, operation, cancellationToken);
        var reports = track ? db.GranteeReports : db.GranteeReports.AsNoTracking();
        var report = await reports.Include(r => r.Submissions)
            .SingleOrDefaultAsync(r => r.Id == reportId && r.GrantId == grantId, cancellationToken) ?? throw new NotFoundException();
        return (grant, report);
    }

    /// <summary>Today in the call's time zone: a report due today is not yet overdue anywhere in that zone.</summary>
    public static DateOnly Today(DateTime nowUtc, string? timeZoneId) => DateOnly.FromDateTime(ZonedTime.ToLocal(nowUtc, timeZoneId));

    /// <summary>"Interim report 2", "Final report", in the language of the email it goes into.</summary>
    public static EmailText NameText(ReportKind kind, int sequence) => kind == ReportKind.Final
        ? (sequence == 1 ? new EmailText("Final report") : new EmailText("Final report {0}", sequence))
        : new EmailText("Interim report {0}", sequence);

    /// <summary>"Interim report 2", "Final report".</summary>
    public static string Name(ReportKind kind, int sequence) => kind == ReportKind.Final
        ? (sequence == 1 ? "Final report" : $"Final report {sequence}")
        : $"Interim report {sequence}";
}
