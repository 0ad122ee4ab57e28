using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Calls;

/// <summary>
/// A fund manager answers a clarification question, and may publish the answer on the call's page.
/// Rewriting a published answer keeps the earlier text, shown as amended.
/// </summary>
public sealed record AnswerClarification(Guid CallId, Guid QuestionId, Guid? Version, string Answer, bool Publish) : IUseCase<AnsweredClarification>;

/// <summary>Whether the answer is now public.</summary>
public sealed record AnsweredClarification(bool IsPublished);

internal sealed class AnswerClarificationHandler : IUseCaseHandler<AnswerClarification, AnsweredClarification>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public AnswerClarificationHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<AnsweredClarification> HandleAsync(AnswerClarification request, CancellationToken cancellationToken)
    {
        var question = await _db.ClarificationQuestions.SingleOrDefaultAsync(q => q.Id == request.QuestionId && q.CallId == request.CallId, cancellationToken)
            ?? throw new NotFoundException();
        _db.ExpectVersion(question, request.Version);
        var now = _clock.GetUtcNow().UtcDateTime;
        question.AnswerWith(request.Answer, _actor.Name ?? "system", now);
        if (request.Publish && !question.IsPublished)
        {
            question.Publish(now);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return new AnsweredClarification(question.IsPublished);
    }
}
