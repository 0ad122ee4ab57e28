using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A call's conflicts of interest: those reviewers declared on its applications (who, which application,
/// type, note, when) and the fund managers' rulings (pinned, confirmed or dismissed) on the organisations
/// that applied to it.
/// </summary>
public sealed record ShowConflictsLog(Guid CallId) : IUseCase<ConflictsLog>;

/// <summary>The log, latest first.</summary>
public sealed record ConflictsLog(Guid CallId, string CallCode, string CallTitle, IReadOnlyList<DeclaredConflictRow> Declared, IReadOnlyList<RulingRow> Rulings);

/// <summary>A conflict a reviewer declared on one application.</summary>
public sealed record DeclaredConflictRow(Guid ApplicationId, string ReviewerName, string? Reference, string Title, string OrganisationName, ConflictType? Type, string? Note, DateTime? DeclaredAtUtc);

/// <summary>
/// A ruling on a reviewer and an organisation. <see cref="Matches"/> is set when it came from a probable
/// conflict; <see cref="RecordedMatch"/> instead for rulings recorded before matches were kept as such
/// (an English sentence, shown as recorded). <see cref="Reason"/> is empty when a probable conflict was
/// confirmed without a typed reason.
/// </summary>
public sealed record RulingRow(string ReviewerName, string OrganisationName, ConflictRulingKind Kind, IReadOnlyList<OfficerMatch>? Matches, string? RecordedMatch, string Reason, string RuledBy, DateTime RuledAtUtc)
{
    /// <summary>Whether it came from an officer match.</summary>
    public bool FromMatch => Matches is { Count: > 0 } || RecordedMatch is not null;

    /// <summary>A probable conflict confirmed (a pinned ruling that came from an officer match).</summary>
    public bool ConfirmedMatch => Kind == ConflictRulingKind.Pinned && FromMatch;
}

internal sealed class ShowConflictsLogHandler : IUseCaseHandler<ShowConflictsLog, ConflictsLog>
{
    private readonly ITrustFundDb _db;

    public ShowConflictsLogHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<ConflictsLog> HandleAsync(ShowConflictsLog request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.AsNoTracking().Where(c => c.Id == request.CallId).Select(c => new { c.Id, c.Terms }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var declared = await (
                from a in _db.ReviewAssignments.AsNoTracking()
                join application in _db.Applications.AsNoTracking() on a.ApplicationId equals application.Id
                where a.CallId == call.Id && a.Status == AssignmentStatus.Recused
                orderby a.DeclaredAtUtc descending
                select new DeclaredConflictRow(a.ApplicationId, a.ReviewerName, application.Reference, application.Title, application.OrganisationName, a.ConflictType, a.ConflictNote, a.DeclaredAtUtc))
            .ToListAsync(cancellationToken);
        var organisations = _db.Applications.Where(a => a.CallId == call.Id && a.SubmittedAtUtc != null).Select(a => a.OrganisationId);
        var rulings = await (
                from r in _db.ConflictRulings.AsNoTracking()
                join u in _db.Users.AsNoTracking() on r.ReviewerId equals u.Id
                join o in _db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                where organisations.Contains(r.OrganisationId)
                orderby r.RuledAtUtc descending
                select new RulingRow(u.DisplayName, o.LegalName, r.Kind, r.Matches, r.Match, r.Reason, r.RuledBy, r.RuledAtUtc))
            .ToListAsync(cancellationToken);
        return new ConflictsLog(call.Id, call.Terms.Code, call.Terms.Title, declared, rulings);
    }
}
