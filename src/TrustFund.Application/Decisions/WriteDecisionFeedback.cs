using System.Globalization;
using FluentValidation;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// A fund manager writes (or rewrites) the feedback to the applicant on a decision; the applicant sees
/// none of it until it is released. <see cref="SessionVersion"/> is the session's version the page showed.
/// </summary>
public sealed record WriteDecisionFeedback(Guid CallId, Guid SessionId, Guid ApplicationId, Guid? SessionVersion, string? Feedback) : IUseCase<Done>;

internal sealed class WriteDecisionFeedbackValidator : AbstractValidator<WriteDecisionFeedback>
{
    public WriteDecisionFeedbackValidator()
    {
        RuleFor(x => x.Feedback).MaximumLength(DecisionPolicy.TextMaxLength)
            .WithText("Write the feedback in at most {0:N0} characters.", DecisionPolicy.TextMaxLength);
    }
}

internal sealed class WriteDecisionFeedbackHandler : IUseCaseHandler<WriteDecisionFeedback, Done>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;

    public WriteDecisionFeedbackHandler(ITrustFundDb db, IAuditTrail audit)
    {
        _db = db;
        _audit = audit;
    }

    public async Task<Done> HandleAsync(WriteDecisionFeedback request, CancellationToken cancellationToken)
    {
        var session = await DecisionFeedback.SessionAsync(_db, request.CallId, request.SessionId, request.ApplicationId, cancellationToken);
        var decision = session.Decisions.Single(d => d.ApplicationId == request.ApplicationId);
        var before = decision.Feedback;
        session.WriteFeedback(request.ApplicationId, request.Feedback);
        if (before == decision.Feedback)
        {
            return Done.Value;
        }

        _db.ExpectVersion(session, request.SessionVersion);
        _audit.Record(
            AuditActions.DecisionFeedbackWritten,
            $"Feedback on the decision on {decision.ApplicationLabel} ({session.Number}) {(decision.Feedback is null ? "removed" : "written")}; not yet released to the applicant",
            nameof(Call),
            request.CallId.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
