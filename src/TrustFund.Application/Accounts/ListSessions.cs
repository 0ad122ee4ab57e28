using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>The signed-in user's own active sessions: device, address, when signed in and last seen.</summary>
public sealed record ListSessions : IUseCase<IReadOnlyList<SignInSessionSummary>>;

internal sealed class ListSessionsHandler : IUseCaseHandler<ListSessions, IReadOnlyList<SignInSessionSummary>>
{
    private readonly IUserSessions _sessions;
    private readonly ICurrentActor _actor;

    public ListSessionsHandler(IUserSessions sessions, ICurrentActor actor)
    {
        _sessions = sessions;
        _actor = actor;
    }

    public Task<IReadOnlyList<SignInSessionSummary>> HandleAsync(ListSessions request, CancellationToken cancellationToken) =>
        _sessions.ActiveAsync(_actor.UserId ?? throw new NotFoundException(), cancellationToken);
}
