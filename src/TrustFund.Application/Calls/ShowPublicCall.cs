using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>
/// A call's public page: its terms, amendments and published answers for everyone; for a signed-in
/// applicant also their own organisation's questions.
/// </summary>
public sealed record ShowPublicCall(string Code) : IUseCase<PublicCall>;

/// <summary>What a call's public page shows.</summary>
public sealed record PublicCall(
    Call Call,
    IReadOnlyList<ClarificationQuestion> PublishedAnswers,
    IReadOnlyList<ClarificationQuestion> OwnQuestions,
    bool IsApplicant,
    DateTime NowUtc);

internal sealed class ShowPublicCallHandler : IUseCaseHandler<ShowPublicCall, PublicCall>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ShowPublicCallHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<PublicCall> HandleAsync(ShowPublicCall request, CancellationToken cancellationToken)
    {
        var call = await PublicCalls.FindAsync(_db, request.Code, cancellationToken) ?? throw new NotFoundException();
        var published = await _db.ClarificationQuestions.AsNoTracking()
            .Where(q => q.CallId == call.Id && q.PublishedAtUtc != null)
            .OrderBy(q => q.PublishedAtUtc).ThenBy(q => q.AskedAtUtc)
            .ToListAsync(cancellationToken);
        var organisationId = _actor.User.IsInRole(Accounts.Roles.Applicant) ? _actor.OrganisationId : null;
        var own = organisationId is null
            ? []
            : await _db.ClarificationQuestions.AsNoTracking()
                .Where(q => q.CallId == call.Id && q.OrganisationId == organisationId)
                .OrderByDescending(q => q.AskedAtUtc)
                .ToListAsync(cancellationToken);
        return new PublicCall(call, published, own, organisationId is not null, _clock.GetUtcNow().UtcDateTime);
    }
}
