using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Applications;

/// <summary>
/// Reads what a fund manager sees about one application. The page is read often and changes rarely, so
/// the model is kept in memory with the application's <see cref="ApplicationDetailStamp"/>: each request
/// reads the stamp (one statement of index lookups) and uses the kept model only if the stamp is
/// unchanged, so a change made through any app instance shows at once. A stamp is read before the rows it
/// describes: a change between the two reads makes the next stamp differ, never an old model look current.
/// </summary>
public sealed class ApplicationDetailReader(TrustFundDbContext db, ApplicationDetailCache cache) : IApplicationDetails
{
    private static readonly Func<TrustFundDbContext, Guid, string, string, Task<ApplicationDetailStamp?>> StampQuery =
        EF.CompileAsyncQuery((TrustFundDbContext db, Guid id, string applicationKey, string screeningKey) =>
            db.Applications
                .Where(a => a.Id == id && a.SubmittedAtUtc != null)
                .Select(a => new ApplicationDetailStamp(
                    a.Version,
                    db.Calls.Where(c => c.Id == a.CallId).Select(c => c.Version).FirstOrDefault(),
                    db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Version).FirstOrDefault(),
                    db.Screenings.Where(s => s.ApplicationId == a.Id && s.VersionNumber == a.VersionCount).Select(s => (Guid?)s.Version).FirstOrDefault(),
                    db.AuditEntries.Where(e => e.EntityId == applicationKey || e.EntityId == screeningKey).Max(e => (long?)e.Sequence),
                    db.Attachments.Count(x => x.OrganisationId == a.OrganisationId && (x.ApplicationId == a.Id || x.ApplicationId == null)),
                    db.Attachments.Where(x => x.OrganisationId == a.OrganisationId && (x.ApplicationId == a.Id || x.ApplicationId == null)).Max(x => (DateTime?)x.UploadedAtUtc)))
                .SingleOrDefault());

    /// <summary>
    /// The application as submitted and screened, with <paramref name="versionNumber"/>'s content when
    /// given; null when there is no such submitted application. At most four statements.
    /// </summary>
    public async Task<ApplicationDetailsModel?> ReadAsync(Guid id, int? versionNumber, CancellationToken cancellationToken)
    {
        // One connection serves every statement (the context closes it when the request ends).
        await db.Database.OpenConnectionAsync(cancellationToken);
        ApplicationDetailsModel? model;
        if (versionNumber is not null)
        {
            // An earlier version is looked at rarely: read, not kept.
            model = await LoadAsync(id, versionNumber, cancellationToken);
        }
        else
        {
            var applicationKey = id.ToString();
            var kept = cache.Find(id);
            var stamp = await StampQuery(db, id, applicationKey, kept?.Model.Screening?.Id.ToString() ?? string.Empty);
            if (stamp is null)
            {
                cache.Forget(id);
                return null;
            }

            if (kept is not null && kept.Stamp == stamp)
            {
                model = kept.Model;
            }
            else
            {
                model = await LoadAsync(id, null, cancellationToken);
                if (model is not null && (kept is null || kept.Model.Screening?.Id == model.Screening?.Id))
                {
                    cache.Keep(id, new ApplicationDetailCache.Entry(stamp, model));
                }
                else
                {
                    // The stamp was read with the screening known before; the next request reads it with the new one.
                    cache.Forget(id);
                }
            }
        }

        return model;
    }

    // Three statements whatever the application's size (four when an earlier version is shown), each
    // reading only the columns the page shows.
    private async Task<ApplicationDetailsModel?> LoadAsync(Guid id, int? versionNumber, CancellationToken cancellationToken)
    {
        var found = await (
            from a in db.Applications
            where a.Id == id && a.SubmittedAtUtc != null
            join c in db.Calls on a.CallId equals c.Id
            join o in db.Organisations on a.OrganisationId equals o.Id
            from s in db.Screenings.Where(s => s.ApplicationId == a.Id && s.VersionNumber == a.VersionCount).DefaultIfEmpty()
            select new
            {
                a.Id,
                a.Version,
                a.Title,
                a.Reference,
                a.Status,
                a.SubmittedAtUtc,
                a.InformationRequest,
                a.IneligibilityReason,
                a.WithdrawalReason,
                Versions = a.Versions.OrderBy(v => v.Number).Select(v => new { v.Number, v.SubmittedAtUtc, v.SubmittedBy, v.Documents }).ToList(),
                a.OrganisationId,
                a.Content,
                Call = new ApplicationDetailsModel.CallSummary(c.Id, c.Code, c.Title),
                Organisation = new ApplicationDetailsModel.OrganisationSummary(o.Id, o.LegalName, o.Status),
                Screening = s == null ? null : new ApplicationDetailsModel.ScreeningSummary(s.Id, s.Outcome != null),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var application = new ApplicationDetailsModel.ApplicationSummary(
            found.Id,
            found.Version,
            found.Title,
            found.Reference,
            found.Status,
            found.SubmittedAtUtc,
            found.InformationRequest,
            found.IneligibilityReason,
            found.WithdrawalReason,
            [.. found.Versions.Select(v => new ApplicationDetailsModel.VersionSummary(v.Number, v.SubmittedAtUtc, v.SubmittedBy))]);
        var screening = found.Screening;
        var shown = versionNumber is { } n ? application.Versions.FirstOrDefault(v => v.Number == n) : null;
        var content = shown is null
            ? found.Content
            : await db.ApplicationVersions.AsNoTracking()
                .Where(v => v.ApplicationId == id && v.Number == shown.Number)
                .Select(v => v.Content)
                .SingleAsync(cancellationToken);
        // Only the documents a submitted version relied on: one added to the next, unsubmitted draft is
        // still the organisation's own (DownloadApplicationDocument answers "not found" for it).
        var uploaded = await db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == found.OrganisationId && (a.ApplicationId == id || a.ApplicationId == null))
            .OrderBy(a => a.DocumentType).ThenBy(a => a.UploadedAtUtc)
            .Select(a => new { Summary = new ApplicationDetailsModel.DocumentSummary(a.Id, a.ApplicationId, a.DocumentType, a.FileName), a.UploadedAtUtc })
            .ToListAsync(cancellationToken);
        var attachments = uploaded
            .Where(a => found.Versions.Any(v => ApplicationVersion.ReliedOn(v.Documents, v.SubmittedAtUtc, a.Summary.Id, a.UploadedAtUtc)))
            .Select(a => a.Summary)
            .ToList();
        var applicationKey = id.ToString();
        var screeningKey = screening?.Id.ToString();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId == applicationKey || (screeningKey != null && e.EntityId == screeningKey))
            .OrderBy(e => e.Sequence)
            .Select(e => new ApplicationDetailsModel.HistoryLine(e.OccurredAtUtc, e.ActorName, e.Summary))
            .ToListAsync(cancellationToken);
        return new ApplicationDetailsModel(
            application,
            found.Call,
            found.Organisation,
            content,
            shown,
            attachments.Where(a => a.ApplicationId == id).ToList(),
            attachments.Where(a => a.ApplicationId is null).ToList(),
            history,
            screening);
    }
}
