using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>A call as fund managers see it: its terms and amendments, its applications per status, its clarification questions.</summary>
public sealed record ShowCall(Guid CallId) : IUseCase<CallDetails>;

/// <summary>The fund managers' page of one call.</summary>
public sealed record CallDetails(Call Call, IReadOnlyDictionary<string, int> ApplicationCounts, IReadOnlyList<QuestionRow> Questions, DateTime NowUtc)
{
    public int ApplicationTotal => ApplicationCounts.Values.Sum();
}

/// <summary>A clarification question as the Secretariat sees it (with the asking organisation).</summary>
public sealed record QuestionRow(ClarificationQuestion Question, string OrganisationName);

internal sealed class ShowCallHandler : IUseCaseHandler<ShowCall, CallDetails>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public ShowCallHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<CallDetails> HandleAsync(ShowCall request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        var counts = await _db.Applications.Where(a => a.CallId == call.Id)
            .GroupBy(a => a.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var questions = await (
                from q in _db.ClarificationQuestions.AsNoTracking()
                join o in _db.Organisations on q.OrganisationId equals o.Id
                where q.CallId == call.Id
                orderby q.AskedAtUtc
                select new { Question = q, o.LegalName })
            .ToListAsync(cancellationToken);
        return new CallDetails(
            call,
            counts.ToDictionary(c => c.Key.ToString(), c => c.Count),
            [.. questions.Select(q => new QuestionRow(q.Question, q.LegalName))],
            _clock.GetUtcNow().UtcDateTime);
    }
}
