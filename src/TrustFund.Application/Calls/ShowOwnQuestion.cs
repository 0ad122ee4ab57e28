using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>An applicant's own organisation's question about a call, with its answer; another organisation's is not found.</summary>
public sealed record ShowOwnQuestion(string Code, Guid QuestionId) : IUseCase<OwnQuestion>;

/// <summary>The question and the call it is about.</summary>
public sealed record OwnQuestion(Call Call, ClarificationQuestion Question);

internal sealed class ShowOwnQuestionHandler : IUseCaseHandler<ShowOwnQuestion, OwnQuestion>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;

    public ShowOwnQuestionHandler(ITrustFundDb db, ICurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<OwnQuestion> HandleAsync(ShowOwnQuestion request, CancellationToken cancellationToken)
    {
        var call = await PublicCalls.FindAsync(_db, request.Code, cancellationToken);
        if (call is null || _actor.OrganisationId is not { } organisationId)
        {
            throw new NotFoundException();
        }

        var question = await _db.ClarificationQuestions.AsNoTracking()
            .SingleOrDefaultAsync(q => q.Id == request.QuestionId && q.CallId == call.Id && q.OrganisationId == organisationId, cancellationToken)
            ?? throw new NotFoundException();
        return new OwnQuestion(call, question);
    }
}
