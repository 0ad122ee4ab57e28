using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Documents;

namespace TrustFund.Application.Applications;

/// <summary>The documents an application can rely on now: its own attachments and its organisation's documents not removed.</summary>
public static class SubmissionDocuments
{
    public static IQueryable<Attachment> AvailableTo(ITrustFundDb db, GrantApplication application) =>
        db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == application.OrganisationId
                && (a.ApplicationId == application.Id || (a.ApplicationId == null && a.RemovedAtUtc == null)))
            .OrderBy(a => a.UploadedAtUtc);
}
