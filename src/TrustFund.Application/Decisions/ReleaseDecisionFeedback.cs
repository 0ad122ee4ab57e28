using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// A fund manager releases the feedback on a decision to the applicant (as the form shows it, saved
/// first when changed), who is told by email; after this it can no longer change. Releasing it again
/// changes nothing.
/// </summary>
public sealed record ReleaseDecisionFeedback(Guid CallId, Guid SessionId, Guid ApplicationId, Guid? SessionVersion, string? Feedback) : IUseCase<Done>;

internal sealed class ReleaseDecisionFeedbackValidator : AbstractValidator<ReleaseDecisionFeedback>
{
    public ReleaseDecisionFeedbackValidator()
    {
        RuleFor(x => x.Feedback).NotEmpty().WithMessage("Write the feedback before releasing it to the applicant.")
            .MaximumLength(DecisionPolicy.TextMaxLength).WithText("Write the feedback in at most {0:N0} characters.", DecisionPolicy.TextMaxLength);
    }
}

internal sealed class ReleaseDecisionFeedbackHandler : IUseCaseHandler<ReleaseDecisionFeedback, Done>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ReleaseDecisionFeedbackHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(ReleaseDecisionFeedback request, CancellationToken cancellationToken)
    {
        var session = await DecisionFeedback.SessionAsync(_db, request.CallId, request.SessionId, request.ApplicationId, cancellationToken);
        if (session.Decisions.Single(d => d.ApplicationId == request.ApplicationId).IsFeedbackReleased)
        {
            return Done.Value;
        }

        _db.ExpectVersion(session, request.SessionVersion);
        session.WriteFeedback(request.ApplicationId, request.Feedback);
        session.ReleaseFeedback(request.ApplicationId, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
