using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>Loads a session of a call with its decisions, for the feedback use cases.</summary>
internal static class DecisionFeedback
{
    public static async Task<BoardSession> SessionAsync(ITrustFundDb db, Guid callId, Guid sessionId, Guid applicationId, CancellationToken cancellationToken)
    {
        var session = await db.BoardSessions.Include(s => s.Decisions)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.CallId == callId, cancellationToken) ?? throw new NotFoundException();
        return session.Decisions.Any(d => d.ApplicationId == applicationId) ? session : throw new NotFoundException();
    }
}
