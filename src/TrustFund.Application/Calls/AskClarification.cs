using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>An applicant asks the Secretariat a question about a published call, before its clarification deadline.</summary>
public sealed record AskClarification(string CallCode, string Question) : IUseCase<AskedClarification>;

/// <summary>The question asked, and the call's code for its page.</summary>
public sealed record AskedClarification(Guid QuestionId, string CallCode);

internal sealed class AskClarificationHandler : IUseCaseHandler<AskClarification, AskedClarification>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public AskClarificationHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<AskedClarification> HandleAsync(AskClarification request, CancellationToken cancellationToken)
    {
        if (_actor.OrganisationId is not { } organisationId || _actor.UserId is not { } userId)
        {
            throw new NotFoundException();
        }

        var call = await PublicCalls.FindAsync(_db, request.CallCode, cancellationToken) ?? throw new NotFoundException();
        var name = await _db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        var question = ClarificationQuestion.Ask(call, organisationId, userId, name, request.Question, _clock.GetUtcNow().UtcDateTime);
        _db.ClarificationQuestions.Add(question);
        await _db.SaveChangesAsync(cancellationToken);
        return new AskedClarification(question.Id, call.Code);
    }
}
